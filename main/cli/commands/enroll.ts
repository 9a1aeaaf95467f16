import { mkdir } from 'node:fs/promises';
import { z } from 'zod';
import { tlsFingerprintSchema } from '../../contract/tlsFingerprint.js';
import { loadTerminalConfig } from '../../../kiosk-config/loadTerminalConfig.js';
import { resolveDataDir } from '../../host/dataDir.js';
import { enrollWithHall } from '../../sync/hallClient.js';
import { saveIdentity } from '../../sync/identityStore.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { UsageError } from '../usageError.js';

export const enrollHelp = `Usage: onewindow enroll --hall URL --code CODE --config FILE [--fingerprint SHA256] [--data-dir DIR]

Enrolls this terminal with its hall server: trades the one-time code (from
"onewindow hall enroll-code") for the terminal's secret, and stores it beside
the terminal's database, readable by this user only.

  --fingerprint SHA256  required for an https:// hall: the SHA-256 fingerprint of
                   its TLS certificate (printed by "onewindow hall tls-cert" and at the
                   hall's start). It is pinned: the terminal talks to no other certificate.`;

export async function enrollCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('enroll', args, {
    hall: { type: 'string' },
    code: { type: 'string' },
    config: { type: 'string' },
    'data-dir': { type: 'string' },
    fingerprint: { type: 'string' },
  });
  if (values.help) {
    console.log(enrollHelp);
    return 0;
  }
  if (!values.hall || !values.code || !values.config)
    throw new UsageError('--hall URL, --code CODE and --config FILE are required', 'enroll');
  const hall = z.url({ protocol: /^https?$/ }).safeParse(values.hall);
  if (!hall.success) throw new UsageError(`--hall: expected an http:// or https:// URL, got "${values.hall}"`, 'enroll');
  let fingerprint: string | null = null;
  if (values.fingerprint !== undefined) {
    const parsed = tlsFingerprintSchema.safeParse(values.fingerprint);
    if (!parsed.success) throw new UsageError(`--fingerprint: ${parsed.error.issues[0]!.message}, got "${values.fingerprint}"`, 'enroll');
    fingerprint = parsed.data;
  }
  if (new URL(hall.data).protocol === 'https:' && !fingerprint) {
    throw new UsageError(
      '--fingerprint SHA256 is required for an https:// hall: the fingerprint of its certificate, as "onewindow hall tls-cert" printed it',
      'enroll',
    );
  }
  if (new URL(hall.data).protocol === 'http:')
    console.error('warning: plain HTTP: the hall link is not encrypted; serve the hall with --tls-cert/--tls-key on a hall network');
  const loaded = await loadTerminalConfig(values.config);
  const identity = await enrollWithHall(values.hall, values.code, fingerprint);
  if (identity.terminalId !== loaded.config.terminalId) {
    console.error(
      `the code is for terminal ${identity.terminalId}, but ${loaded.file} is terminal ${loaded.config.terminalId}: ask for a code for ${loaded.config.terminalId}`,
    );
    return 1;
  }
  const dataDir = resolveDataDir(loaded, values['data-dir']);
  await mkdir(dataDir, { recursive: true });
  const file = await saveIdentity(dataDir, identity);
  console.log(`enrolled ${identity.terminalId} with ${values.hall}; secret stored in ${file}`);
  return 0;
}
