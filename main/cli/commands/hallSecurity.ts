import { mkdir, readFile, writeFile, chmod } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { makeHallCertificate } from '../../../upstream/entry/index.js';
import { UsageError } from '../usageError.js';

export interface HallSecurityFlags {
  db?: string | undefined;
  'tls-cert'?: string | undefined;
  'tls-key'?: string | undefined;
  'public-url'?: string | undefined;
  'key-dir'?: string | undefined;
  'retention-days'?: string | undefined;
}

const publicUrlSchema = z.url({ protocol: /^https?$/ }).refine((text) => {
  const url = new URL(text);
  return (
    (url.pathname === '/' || url.pathname === '') && url.search === '' && url.hash === '' && url.username === '' && url.password === ''
  );
}, "expected the hall's origin only, e.g. https://hall.example.gov.cn:7400");
const retentionDaysSchema = z.coerce.number().int().min(1).max(3650);
const wildcard = new Set(['0.0.0.0', '::', '[::]']);

async function readPem(flag: string, file: string): Promise<string> {
  try {
    return await readFile(path.resolve(file), 'utf8');
  } catch (error) {
    throw new UsageError(`${flag}: cannot read ${file}: ${(error as Error).message}`, 'hall');
  }
}

/** The hall's TLS certificate, public URL, key folder and retention from its flags, each checked. */
export async function hallSecurityOptions(values: HallSecurityFlags, host: string) {
  if (Boolean(values['tls-cert']) !== Boolean(values['tls-key']))
    throw new UsageError('--tls-cert FILE and --tls-key FILE go together', 'hall');
  const tls =
    values['tls-cert'] && values['tls-key']
      ? { cert: await readPem('--tls-cert', values['tls-cert']), key: await readPem('--tls-key', values['tls-key']) }
      : undefined;
  let publicUrl: string | undefined;
  if (values['public-url'] !== undefined) {
    const parsed = publicUrlSchema.safeParse(values['public-url']);
    if (!parsed.success) throw new UsageError(`--public-url: ${parsed.error.issues[0]!.message}, got "${values['public-url']}"`, 'hall');
    publicUrl = new URL(parsed.data).origin;
  } else if (wildcard.has(host)) {
    throw new UsageError(
      `--public-url URL is required with --host ${host}: the address citizens' phones reach the hall at, printed on certificates`,
      'hall',
    );
  }
  const keyDir = hallKeyDirOf(values);
  const retention = retentionDaysSchema.safeParse(values['retention-days'] ?? 180);
  if (!retention.success)
    throw new UsageError(`--retention-days: expected a whole number of days from 1 to 3650, got "${values['retention-days']}"`, 'hall');
  return { keyDir, retentionDays: retention.data, ...(tls ? { tls } : {}), ...(publicUrl ? { publicUrl } : {}) };
}

/** The folder of the hall's key files: --key-dir, else the SQLite file's folder (a PostgreSQL hall must name it). */
export function hallKeyDirOf(values: { db?: string | undefined; 'key-dir'?: string | undefined }): string {
  const postgres = /^postgres(ql)?:\/\//.test(values.db ?? '');
  if (!values['key-dir'] && postgres)
    throw new UsageError(
      "--key-dir DIR is required with a PostgreSQL database: the folder of the hall's key files (copy it to every hall process)",
      'hall',
    );
  return path.resolve(values['key-dir'] ?? path.dirname(path.resolve(values.db!)));
}

/** `onewindow hall tls-cert`: a self-signed certificate for the hall LAN, its fingerprint printed for enrollment. */
export async function writeHallCertificate(dir: string, hosts: string[]): Promise<number> {
  const made = await makeHallCertificate(hosts);
  await mkdir(dir, { recursive: true });
  const certFile = path.join(dir, 'hall-cert.pem');
  const keyFile = path.join(dir, 'hall-key.pem');
  await writeFile(certFile, made.cert);
  await writeFile(keyFile, made.key, { mode: 0o600 });
  await chmod(keyFile, 0o600);
  console.log(`certificate: ${certFile}\nkey: ${keyFile} (readable by this user only)\nnames: ${hosts.join(', ')}`);
  console.log(`SHA-256 fingerprint: ${made.fingerprint}`);
  console.log(
    `serve with: onewindow hall --tls-cert ${certFile} --tls-key ${keyFile} ...; enroll terminals with --fingerprint ${made.fingerprint}`,
  );
  return 0;
}
