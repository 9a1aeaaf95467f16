import type { HallQueue } from '../../main/contract/hallQueue.js';
import { fontLinks, htmlText } from './htmlText.js';

/**
 * The supervisor's dashboard: today's figures per service and per window,
 * read from the statistics endpoint with the same staff session, refreshed every 10 s.
 */
export function dashboardPage(queue: HallQueue, statisticsPath: string): string {
  const names = Object.fromEntries(queue.services.map((service) => [service.code, `${service.name['zh-CN']} · ${service.name.en}`]));
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>大厅统计 · Hall statistics</title>${fontLinks}
<style>
body { font-family: 'Noto Sans SC', sans-serif; margin: 2rem; color: #102a43; }
table { border-collapse: collapse; margin-bottom: 2rem; min-width: 60rem; }
th, td { border: 1px solid #bcccdc; padding: .5rem 1rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead { background: #e6eef7; }
</style></head>
<body><h1>大厅统计 · Hall statistics <small id="day"></small></h1>
<h2>按业务 · By service</h2>
<table id="services"><thead><tr>
  <th>业务 Service</th><th>等候 Waiting</th><th>已办 Served</th><th>过号 No-show</th>
  <th>平均等候(分) Avg wait (min)</th><th>平均办理(分) Avg service (min)</th><th>评价 Ratings</th><th>平均分 Avg score</th>
</tr></thead><tbody></tbody></table>
<h2>按窗口 · By window</h2>
<table id="windows"><thead><tr>
  <th>窗口 Window</th><th>已办 Served</th><th>过号 No-show</th>
  <th>平均等候(分) Avg wait (min)</th><th>平均办理(分) Avg service (min)</th><th>评价 Ratings</th><th>平均分 Avg score</th>
</tr></thead><tbody></tbody></table>
<script>
const names = ${JSON.stringify(names).replace(/</g, '\\u003c')};
const shown = (value) => (value === null ? '–' : String(value));
function cells(values) {
  return values.map((value) => {
    const td = document.createElement('td');
    td.textContent = shown(value);
    return td;
  });
}
function row(values) {
  const tr = document.createElement('tr');
  tr.append(...cells(values));
  return tr;
}
async function refresh() {
  const response = await fetch(${JSON.stringify(statisticsPath)} + location.search);
  if (!response.ok) { document.getElementById('day').textContent = '(' + response.status + ')'; return; }
  const stats = await response.json();
  document.getElementById('day').textContent = stats.businessDay;
  document.querySelector('#services tbody').replaceChildren(
    ...stats.services.map((s) =>
      row([names[s.service] ?? s.service, s.waiting, s.served, s.noShows, s.averageWaitMinutes, s.averageServiceMinutes, s.ratings, s.averageScore]),
    ),
  );
  document.querySelector('#windows tbody').replaceChildren(
    ...stats.windows.map((w) => row([w.window, w.served, w.noShows, w.averageWaitMinutes, w.averageServiceMinutes, w.ratings, w.averageScore])),
  );
}
refresh(); setInterval(refresh, 10000);
</script>
<p><small>${htmlText(queue.timeZone)} · reset ${htmlText(String(queue.resetHour).padStart(2, '0'))}:00</small></p></body></html>`;
}
