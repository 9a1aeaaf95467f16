import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The Electron binary from the `electron` package, or null when it was not downloaded (as on machines without internet). */
export function findElectronBinary(): string | null {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const chromiumCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | null {
  const fromEnv = process.env.ONEWINDOW_CHROMIUM;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return chromiumCandidates.find((candidate) => existsSync(candidate)) ?? null;
}
