import path from 'node:path';

/** Where the hall keeps its keys (each 0600): a folder of its own, never the database. */
export function hallKeyFiles(keyDir: string): { signing: string; terminalSecrets: string } {
  return { signing: path.join(keyDir, 'hall-signing-key.pem'), terminalSecrets: path.join(keyDir, 'hall-terminal-secrets.key') };
}
