import { randomInt } from 'node:crypto';
import type { Database } from '../../lib/sqlite/database.js';
import type { CitizenCatalog } from '../../main/contract/citizenCatalog.js';
import {
  canonicalJson,
  citizenPaths,
  type CertificateContent,
  type CertificateType,
  type CitizenIdentity,
  type IssuedCertificate,
} from '../../main/contract/citizenServices.js';
import { hallDateAfter } from '../../main/contract/businessDay.js';
import { maskIdNumber } from '../../main/contract/identity.js';
import { askBackend, type CitizenBackends } from './citizenBackends.js';
import { labelled } from './labelled.js';
import type { SigningKey } from './signingKey.js';

// No 0/O, 1/I: a code is read aloud and typed from paper.
const codeAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function verificationCode(): string {
  const characters = Array.from({ length: 12 }, () => codeAlphabet[randomInt(codeAlphabet.length)]);
  return [0, 4, 8].map((start) => characters.slice(start, start + 4).join('')).join('-');
}

/**
 * Issues certificates: asks the back end, labels the answer with the
 * catalogue's template, signs the content with the hall's Ed25519 key and
 * records it, so the verification page can confirm a printed paper later.
 */
export class CertificateIssuer {
  constructor(
    private readonly db: Database,
    private readonly catalog: CitizenCatalog,
    private readonly backends: CitizenBackends,
    private readonly key: SigningKey,
    /** The hall's time zone: a paper's last valid day is a date of the hall. */
    private readonly timeZone: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** `publicUrl`: the hall as citizens' phones reach it, for the QR code's verification link. */
  async issue(terminalId: string, type: CertificateType, citizen: CitizenIdentity, publicUrl: string): Promise<IssuedCertificate> {
    const template = this.catalog.certificates.find((candidate) => candidate.type === type)!;
    const answer = await askBackend(this.backends, this.catalog, template.backend, { kind: 'certificate', type }, citizen);
    const { facts, table } = labelled(template, answer);
    const code = verificationCode();
    const issuedAt = this.now();
    const content: CertificateContent = {
      code,
      type,
      issuedAt: issuedAt.toISOString(),
      holder: { name: citizen.name, maskedIdNumber: maskIdNumber(citizen.idNumber) },
      authority: template.authority,
      facts,
      // No rows is no table: the paper says what the template's emptyTable says, not an empty form.
      table: table && table.rows.length > 0 ? table : null,
      verifyUrl: new URL(`${citizenPaths.verify}${code}`, publicUrl).toString(),
      validUntil: hallDateAfter(issuedAt, template.validityDays, this.timeZone),
    };
    const signature = this.key.sign(canonicalJson(content));
    await this.db.run('INSERT INTO certificate (code, type, issued_at, terminal_id, content, signature) VALUES (?, ?, ?, ?, ?, ?)', [
      code,
      type,
      content.issuedAt,
      terminalId,
      JSON.stringify(content),
      signature,
    ]);
    return { content, signature };
  }

  async find(code: string): Promise<IssuedCertificate | null> {
    const row = await this.db.get<{ content: string; signature: string }>('SELECT content, signature FROM certificate WHERE code = ?', [
      code,
    ]);
    return row ? { content: JSON.parse(row.content) as CertificateContent, signature: row.signature } : null;
  }
}
