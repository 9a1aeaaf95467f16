import { canonicalJson, type IssuedCertificate } from '../../main/contract/citizenServices.js';
import { fontLinks, htmlText } from '../http/htmlText.js';
import { signatureValid } from '../../lib/certificateSignature.js';

/**
 * The public page a certificate's QR code opens: whether the hall issued it
 * (the record exists and its Ed25519 signature checks) and its key facts, so
 * whoever holds the paper can compare. An unknown code says so plainly.
 */
export function verifyPage(issued: IssuedCertificate | null, publicPem: string, title: (type: string) => string): string {
  const genuine = issued !== null && signatureValid(publicPem, canonicalJson(issued.content), issued.signature);
  const head = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>证明验证 · Verification</title>${fontLinks}
<style>body{font-family:'Noto Sans SC',sans-serif;margin:2rem;color:#102a43;max-width:48rem}.ok{color:#1e7b34}.bad{color:#b3261e}dt{color:#4d5766;margin-top:.6rem}dd{margin:0;font-size:1.2rem}</style></head><body><main>`;
  if (!issued || !genuine) {
    return `${head}<h1 class="bad">未能验证 · Not verified</h1><p>本大厅没有签发过此验证码的证明，或记录已损坏。请核对验证码，或到服务窗口咨询。</p><p>No certificate with this code was issued by this hall, or its record is damaged.</p></main></body></html>`;
  }
  const { content } = issued;
  const facts = content.facts
    .map((fact) => `<dt>${htmlText(fact.label['zh-CN'])} · ${htmlText(fact.label.en)}</dt><dd>${htmlText(fact.value)}</dd>`)
    .join('');
  return `${head}<h1 class="ok">真实有效 · Genuine</h1>
<p>${htmlText(title(content.type))}</p>
<dl><dt>验证码 · Code</dt><dd>${htmlText(content.code)}</dd>
<dt>姓名 · Name</dt><dd>${htmlText(content.holder.name)}</dd>
<dt>证件号码 · ID number</dt><dd>${htmlText(content.holder.maskedIdNumber)}</dd>
<dt>出具机构 · Issued by</dt><dd>${htmlText(content.authority['zh-CN'])}</dd>
<dt>出具时间 · Issued at</dt><dd>${htmlText(content.issuedAt)}</dd>${facts}</dl>
<p>请核对纸质证明与以上内容一致。Check that the paper says the same.</p></main></body></html>`;
}
