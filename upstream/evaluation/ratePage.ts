import type { QueueService } from '../../main/contract/queue.js';
import { fontLinks, htmlText } from '../http/htmlText.js';

const scores = [
  [5, '非常满意 Very satisfied'],
  [4, '满意 Satisfied'],
  [3, '基本满意 Fair'],
  [2, '不满意 Dissatisfied'],
  [1, '非常不满意 Very dissatisfied'],
] as const;

/**
 * The citizen's later rating from the ticket's page (its QR code), for one
 * who did not rate at the counter: five choices, sent once; or a thank-you.
 */
export function ratePage(
  label: string,
  service: Pick<QueueService, 'name'>,
  state: 'open' | 'rated' | 'not_served',
  postPath: string,
): string {
  const body =
    state === 'open'
      ? `<form id="rate"><fieldset><legend>请对本次服务进行评价 · Rate this service</legend>
${scores.map(([score, text]) => `<label class="choice"><input type="radio" name="score" value="${score}" required> ${htmlText(text)}</label>`).join('\n')}
</fieldset><button type="submit">提交评价 · Submit</button></form><p role="status" id="message"></p>
<script>
document.getElementById('rate').addEventListener('submit', async (event) => {
  event.preventDefault();
  const score = Number(new FormData(event.target).get('score'));
  const response = await fetch(${JSON.stringify(postPath)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ score, reasons: [] }) });
  document.getElementById('message').textContent = response.ok ? '感谢您的评价！ · Thank you for your rating.' : (await response.json()).error.message;
  if (response.ok) event.target.remove();
});
</script>`
      : `<p role="status">${state === 'rated' ? '已评价，感谢！ · Already rated, thank you.' : '办结后可评价 · You can rate once served.'}</p>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>评价 · Rate ${htmlText(label)}</title>${fontLinks}
<style>body{font-family:'Noto Sans SC',sans-serif;margin:2rem;color:#102a43;font-size:1.2rem}.choice{display:block;padding:.75rem 0}button{font:inherit;padding:.75rem 2rem;margin-top:1rem}fieldset{border:1px solid #bcccdc}</style></head>
<body><main><h1>${htmlText(label)}</h1><p>${htmlText(service.name['zh-CN'])} · ${htmlText(service.name.en)}</p>${body}</main></body></html>`;
}
