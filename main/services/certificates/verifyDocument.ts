import { canonicalJson, verificationSchema, type CertificateContent } from '../../contract/citizenServices.js';
import { signatureValid } from '../../../lib/certificateSignature.js';
import { hallAgent, requestOver } from '../../sync/pinnedAgent.js';

export interface DocumentVerdict {
  genuine: boolean;
  code: string | null;
  /** Why it is not genuine, each a sentence for the person checking the paper. */
  problems: string[];
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** One printed line the hall's record accounts for: what it is, the signed value, the line as certificatePdf prints it. */
interface ExpectedLine {
  label: string;
  value: string;
  line: string;
}

/**
 * The body of the certificate as certificatePdf prints it, one paragraph per
 * block: holder, facts, table (header and rows). Every line of each block is
 * signed content, so the printed block must be exactly this, no more.
 */
function expectedBlocks(content: CertificateContent): ExpectedLine[][] {
  const labelled = (label: string, prefix: string, value: string): ExpectedLine => ({ label, value, line: squeeze(`${prefix}：${value}`) });
  const blocks = [
    [labelled('name', '姓名 Name', content.holder.name), labelled('ID number', '证件号码 ID number', content.holder.maskedIdNumber)],
    content.facts.map((fact) => labelled(fact.label.en, `${fact.label['zh-CN']} ${fact.label.en}`, fact.value)),
  ];
  if (content.table) {
    const header = content.table.columns.map((column) => column['zh-CN']);
    blocks.push(
      [header, ...content.table.rows].map((row, index) => ({
        label: index === 0 ? 'table header' : 'table row',
        value: row.join(' '),
        line: squeeze(row.join('')),
      })),
    );
  }
  return blocks.filter((block) => block.length > 0);
}

/** The text's paragraphs (blank-line separated), each line without whitespace. */
function paragraphs(text: string): string[][] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map(squeeze)
        .filter((line) => line !== ''),
    )
    .filter((paragraph) => paragraph.length > 0);
}

/** Why a printed block differs from the signed one, line by line (a wrapped but equal block passes before this). */
function blockProblems(expected: ExpectedLine[], printed: string[]): string[] {
  const problems: string[] = [];
  for (let index = 0; index < Math.max(expected.length, printed.length); index += 1) {
    const want = expected[index];
    const got = printed[index];
    if (want && got === want.line) continue;
    if (want) {
      const prefix = want.line.slice(0, want.line.length - squeeze(want.value).length);
      const says = got !== undefined && prefix !== '' && got.startsWith(prefix) ? ` (it says "${got.slice(prefix.length)}")` : '';
      problems.push(`${want.label}: the hall issued "${want.value}", which the document does not say${says}`);
    } else {
      problems.push(`the document prints a line the hall did not issue: "${got}"`);
    }
  }
  return problems;
}

/**
 * Compares the printed body with the signed content as a whole: each printed
 * value must be the signed one exactly (not merely contain it), in the signed
 * order, with no line added; and between the body and the issuing authority
 * only the template's note may stand.
 */
function printedProblems(text: string, content: CertificateContent): string[] {
  const found = paragraphs(text);
  const start = found.findIndex((paragraph) => paragraph[0]!.startsWith(squeeze('姓名 Name：')));
  if (start < 0) return ["the document does not print the holder's name where a certificate does"];
  const blocks = expectedBlocks(content);
  const problems = blocks.flatMap((expected, offset) => {
    const printed = found[start + offset] ?? [];
    if (printed.join('') === expected.map((line) => line.line).join('')) return [];
    const lines = blockProblems(expected, printed);
    return lines.length > 0 ? lines : [`the document does not print the ${expected[0]!.label} block as the hall issued it`];
  });
  const authority = found.findIndex((paragraph) => paragraph[0]!.startsWith(squeeze(`出具机构：${content.authority['zh-CN']}`)));
  // certificatePdf prints one paragraph, the note, between the body and the issuing authority.
  if (authority !== start + blocks.length + 1)
    problems.push('the document prints text the hall did not issue between the certificate body and the issuing authority');
  return problems;
}

/**
 * Checks a printed certificate's text (pdftotext -layout of the PDF) against
 * the hall that issued it: the verification link must point at
 * `trustedHall`, the hall's record must carry a valid Ed25519 signature, and
 * every signed fact must be printed exactly as signed. A document whose
 * figures were edited, extended or shortened, whose lines were reordered or
 * added to, or one made up around a real code, fails.
 */
export async function verifyDocumentText(text: string, trustedHall: string, fingerprint: string | null = null): Promise<DocumentVerdict> {
  // The printed link may wrap across lines: look for it in the text without its whitespace.
  const link = /(https?:\/\/[^\s：]+?\/verify\/([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}))/.exec(squeeze(text));
  if (!link) return { genuine: false, code: null, problems: ['the document has no verification link'] };
  const [, url, code] = link as unknown as [string, string, string];
  if (new URL(url).origin !== new URL(trustedHall).origin) {
    return {
      genuine: false,
      code,
      problems: [`the verification link points at ${new URL(url).origin}, not the hall ${new URL(trustedHall).origin}`],
    };
  }
  // A hall with a self-signed certificate is trusted through its pinned fingerprint, as terminals do.
  const agent = hallAgent(trustedHall, fingerprint);
  const response = await requestOver(agent, new URL(`/verify/${code}.json`, trustedHall), { method: 'GET', headers: {} }).finally(() =>
    agent.destroy(),
  );
  if (response.status === 404) return { genuine: false, code, problems: [`the hall issued no certificate ${code}`] };
  const record = verificationSchema.parse(JSON.parse(response.text));
  if (!signatureValid(record.publicKey, canonicalJson(record.content), record.signature)) {
    return { genuine: false, code, problems: ["the hall's record of this certificate does not match its signature"] };
  }
  const problems = printedProblems(text, record.content);
  return { genuine: problems.length === 0, code, problems };
}
