import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { verifyDocumentText } from '../../services/certificates/verifyDocument.js';
import { tlsFingerprintSchema } from '../../contract/tlsFingerprint.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { subcommandOf } from '../subcommand.js';
import { UsageError } from '../usageError.js';

const run = promisify(execFile);

export const certificateHelp = `Usage: onewindow certificate verify FILE.pdf --hall URL [--fingerprint SHA256]

Checks a certificate PDF against the hall that should have issued it: the
hall's signed record of its verification code, and every signed fact as the
document prints it. Exit code 0 when genuine, 1 when not (with the reasons).
Needs pdftotext (poppler-utils). For an https:// hall with a self-signed
certificate, --fingerprint gives its SHA-256 fingerprint (as terminals pin it).`;

export async function certificateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('certificate', args, { hall: { type: 'string' }, fingerprint: { type: 'string' } });
  if (values.help) {
    console.log(certificateHelp);
    return 0;
  }
  const [action, file, ...rest] = positionals;
  subcommandOf('certificate', action, ['verify']);
  if (!file || rest.length > 0 || !values.hall) throw new UsageError('expected "certificate verify FILE --hall URL"', 'certificate');
  const { stdout } = await run('pdftotext', ['-layout', file, '-']).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(
      error.code === 'ENOENT' ? 'pdftotext is not installed (apt-get install poppler-utils)' : `cannot read ${file} as a PDF`,
      'certificate',
    );
  });
  const fingerprint = values.fingerprint === undefined ? null : tlsFingerprintSchema.safeParse(values.fingerprint);
  if (fingerprint && !fingerprint.success)
    throw new UsageError(`--fingerprint: ${fingerprint.error.issues[0]!.message}, got "${values.fingerprint}"`, 'certificate');
  const verdict = await verifyDocumentText(stdout, values.hall, fingerprint?.data ?? null);
  if (verdict.genuine) {
    console.log(`genuine: certificate ${verdict.code} as issued by ${values.hall}`);
    return 0;
  }
  console.log(`NOT genuine${verdict.code ? ` (${verdict.code})` : ''}:\n${verdict.problems.map((problem) => `  ${problem}`).join('\n')}`);
  return 1;
}
