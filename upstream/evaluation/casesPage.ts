import type { HallQueue } from '../../main/contract/hallQueue.js';
import { fontLinks, htmlText } from '../http/htmlText.js';
import { caseStepNames, type RatingCase } from './caseSchema.js';

const when = (iso: string | null, timeZone: string) =>
  iso === null ? '–' : new Intl.DateTimeFormat('zh-CN', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

function caseRow(item: RatingCase, queue: HallQueue): string {
  const service = queue.services.find((candidate) => candidate.code === item.service);
  const open = item.step !== 'closed';
  const form = open
    ? `<form class="complete" data-case="${htmlText(item.id)}" data-step="${htmlText(item.step)}">
<label>办理情况 · What was done (${htmlText(caseStepNames[item.step])})<textarea name="note" required rows="2"></textarea></label>
<label>下一步负责人 · Next owner<input name="nextOwner" placeholder="${htmlText(item.owner ?? '')}"></label>
<button type="submit">完成${htmlText(caseStepNames[item.step].split(' ')[0]!)} · Complete ${htmlText(item.step)}</button></form>`
    : '';
  const history = item.history
    .map(
      (step) =>
        `<li>${htmlText(caseStepNames[step.step])}: ${htmlText(step.note)} — ${htmlText(step.doneBy)}, ${htmlText(when(step.doneAt, queue.timeZone))}</li>`,
    )
    .join('');
  return `<tr data-case-row="${htmlText(item.ticketLabel)}" class="${item.overdue ? 'overdue' : ''}">
<td>${htmlText(item.ticketLabel)}<br><small>${htmlText(item.businessDay)}</small></td>
<td>${htmlText(service ? service.name['zh-CN'] : item.service)} · ${item.window === null ? '–' : htmlText(item.window)} 号窗口</td>
<td>${htmlText(item.score)} ★ ${htmlText(item.reasons.join(', '))}</td>
<td class="step">${htmlText(caseStepNames[item.step])}${item.overdue ? ' <strong>逾期 Overdue</strong>' : ''}</td>
<td>${htmlText(item.owner ?? '未指派 Unassigned')}</td>
<td>${htmlText(open ? when(item.dueAt, queue.timeZone) : when(item.closedAt, queue.timeZone))}</td>
<td><ol>${history}</ol>${form}</td></tr>`;
}

/** The 好差评 case list for staff: overdue first; each open case's current step completed in place. */
export function casesPage(cases: readonly RatingCase[], queue: HallQueue, completePath: (id: string) => string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>差评整改 · Rating cases</title>${fontLinks}
<style>
body { font-family: 'Noto Sans SC', sans-serif; margin: 2rem; color: #102a43; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #bcccdc; padding: .5rem; vertical-align: top; text-align: left; }
thead { background: #e6eef7; } tr.overdue td { background: #fdecea; } strong { color: #8a1c13; }
label { display: block; margin: .25rem 0; } textarea, input { width: 100%; font: inherit; } button { font: inherit; padding: .3rem 1rem; }
nav a { margin-right: 1rem; color: #0b4f8a; }
</style></head>
<body><nav><a href="/dashboard">统计 · Dashboard</a><a href="/dashboard/cases">差评整改 · Rating cases</a></nav><main>
<h1>差评整改 · Rating cases <small>(核实 → 整改 → 反馈 → 复核)</small></h1>
<p role="status" id="message"></p>
<table id="cases"><thead><tr><th>号码 Ticket</th><th>业务/窗口 Service/window</th><th>评价 Rating</th><th>环节 Step</th><th>负责人 Owner</th><th>期限/办结 Due/closed</th><th>办理记录 Record</th></tr></thead>
<tbody>${cases.map((item) => caseRow(item, queue)).join('') || '<tr><td colspan="7">暂无差评 · No cases</td></tr>'}</tbody></table>
<script>
const paths = ${JSON.stringify(Object.fromEntries(cases.map((item) => [item.id, completePath(item.id)]))).replace(/</g, '\\u003c')};
for (const form of document.querySelectorAll('form.complete')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = { step: form.dataset.step, note: data.get('note') };
    if (data.get('nextOwner')) body.nextOwner = data.get('nextOwner');
    const response = await fetch(paths[form.dataset.case], { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (response.ok) location.reload();
    else document.getElementById('message').textContent = (await response.json()).error.message;
  });
}
</script></main></body></html>`;
}
