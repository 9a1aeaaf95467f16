import { canonicalJson, verificationSchema } from '../../contract/citizenServices.js';
import { signatureValid } from '../../../lib/certificateSignature.js';

export interface DocumentVerdict {
  genuine: boolean;
  code: string | null;
  /** Why it is not genuine, each a sentence for the person checking the paper. */
  problems: string[];
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * Checks a printed certificate's text (pdftotext of the PDF, or OCR of a
 * scan) against the hall that issued it: the verification link must point at
 * `trustedHall`, the hall's record must carry a valid Ed25519 signature, and
 * every signed fact must appear in the document as printed. A document whose
 * figures were edited, or one made up around a real code, fails.
 */
export async function verifyDocumentText(text: string, trustedHall: string): Promise<DocumentVerdict> {
  // The printed link may wrap across lines: look for it in the text without its whitespace.
  const link = /(https?:\/\/[^\s：]+?\/verify\/([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}))/.exec(squeeze(text));
  if (!link) return { genuine: false, code: null, problems: ['the document has no verification link'] };
  const [, url, code] = link as unknown as [string, string, string];
  if (new URL(url).origin !== new URL(trustedHall).origin) {
    return { genuine: false, code, problems: [`the verification link points at ${new URL(url).origin}, not the hall ${new URL(trustedHall).origin}`] };
  }
  const response = await fetch(new URL(`/verify/${code}.json`, trustedHall));
  if (response.status === 404) return { genuine: false, code, problems: [`the hall issued no certificate ${code}`] };
  const record = verificationSchema.parse(await response.json());
  if (!signatureValid(record.publicKey, canonicalJson(record.content), record.signature)) {
    return { genuine: false, code, problems: ["the hall's record of this certificate does not match its signature"] };
  }
  const printed = squeeze(text);
  const { content } = record;
  // Each fact with its label, each table row whole, as certificatePdf prints them: a figure moved to another line does not count.
  const expected: [string, string, string][] = [
    ['name', content.holder.name, `姓名 Name：${content.holder.name}`],
    ['ID number', content.holder.maskedIdNumber, `证件号码 ID number：${content.holder.maskedIdNumber}`],
    ...content.facts.map((fact): [string, string, string] => [fact.label.en, fact.value, `${fact.label['zh-CN']} ${fact.label.en}：${fact.value}`]),
    ...(content.table?.rows.map((row): [string, string, string] => ['table row', row.join(' '), row.join('')]) ?? []),
  ];
  const problems = expected.filter(([, , line]) => !printed.includes(squeeze(line))).map(([label, value]) => `${label}: the hall issued "${value}", which the document does not say`);
  return { genuine: problems.length === 0, code, problems };
}
