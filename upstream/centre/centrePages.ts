import { fontLinks, htmlText } from '../http/htmlText.js';
import type { Cell, FigureTable } from '../statistics/figureTables.js';
import type { HallNow } from './centreFigures.js';
import { hallQuietMs } from './centreTables.js';

export const centreDashboardPaths = {
  page: '/dashboard',
  csv: (table: string) => `/dashboard/export/${table}.csv`,
  xlsx: '/dashboard/export/district.xlsx',
} as const;

/**
 * Reads the page again every `seconds` and swaps in the parts named, in place: the numbers stay
 * current without reloading the page (a timed reload is an accessibility failure: WCAG 2.2.1).
 */
const refreshing = (selectors: readonly string[], seconds: number) => `<script>
setInterval(async () => {
  const response = await fetch(location.href, { credentials: 'same-origin' }).catch(() => null);
  if (!response || !response.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
  for (const selector of ${JSON.stringify(selectors)}) { const part = fresh.querySelector(selector); if (part) document.querySelector(selector)?.replaceWith(part); }
}, ${seconds * 1000});
</script>`;

const shown = (cell: Cell) => (cell === null ? '–' : htmlText(cell));

function tableHtml(table: FigureTable, query: string): string {
  const head = table.headers.map((header) => `<th scope="col">${htmlText(header)}</th>`).join('');
  const rows = table.rows.map(
    (row) =>
      `<tr>${row.map((cell, index) => (index === 0 ? `<th scope="row">${shown(cell)}</th>` : `<td>${shown(cell)}</td>`)).join('')}</tr>`,
  );
  return `<h2>${htmlText(table.title)}<a href="${centreDashboardPaths.csv(table.name)}${query}">CSV</a></h2>
<table id="${htmlText(table.name)}"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const style = `body { font-family: 'Noto Sans SC', sans-serif; margin: 1.5rem 2rem; color: #102a43; background: #f7f9fc; }
nav { display: flex; gap: 1.5rem; align-items: center; } nav a { color: #0b4f8a; } nav form { margin-left: auto; }
h1 { margin: .5rem 0; font-size: 1.8rem; } h2 { font-size: 1.2rem; margin: 1.2rem 0 .25rem; } h2 a { font-size: .9rem; margin-left: 1rem; color: #0b4f8a; }
form.range { display: flex; gap: 1rem; align-items: end; margin: 1rem 0; } form.range label { display: flex; flex-direction: column; }
input, button, a.button { font: inherit; padding: .35rem .8rem; } a.button { background: #0b4f8a; color: #fff; text-decoration: none; border-radius: 4px; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; } figure.chart { background: #fff; border: 1px solid #d9e2ec; border-radius: 6px; margin: 0; }
figure.chart svg { width: 100%; height: auto; }
table { border-collapse: collapse; background: #fff; margin: .25rem 0 1rem; font-size: .95rem; }
th, td { border: 1px solid #bcccdc; padding: .3rem .6rem; text-align: right; } tbody th, thead th:first-child { text-align: left; } thead { background: #e6eef7; }
tbody tr:last-child th { font-weight: 700; }`;

/**
 * The district command centre's page: the halls now, side by side with the
 * district's sum (read again every minute, in place), then the chosen range's tables,
 * each with its CSV, and all of them as one XLSX. Drawn by the centre.
 */
export function centreDashboardPage(
  tables: readonly FigureTable[],
  charts: readonly { name: string; svg: string }[],
  range: { from: string; to: string },
): string {
  const query = `?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`;
  const [now, ...rest] = tables;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>区县指挥中心 · District command centre</title>${fontLinks}
<style>${style}</style></head>
<body><nav><a href="${centreDashboardPaths.page}">指挥中心 · Command centre</a><a href="/wait">公开等候 · Public waits</a>
<form method="post" action="/logout"><button type="submit">退出 · Log out</button></form></nav>
<main>
<h1>区县政务服务指挥中心 · District command centre</h1>
<section id="now-figures">${now ? tableHtml(now, query) : ''}</section>
<form class="range" method="get" action="${centreDashboardPaths.page}"><label>开始 From<input type="date" name="from" value="${htmlText(range.from)}" required></label>
<label>结束 To<input type="date" name="to" value="${htmlText(range.to)}" required></label>
<button type="submit">查询 Show</button><a class="button" href="${centreDashboardPaths.xlsx}${query}">导出 XLSX</a></form>
<section class="charts">${charts.map((chart) => `<figure class="chart" data-chart="${htmlText(chart.name)}" role="img" aria-label="${htmlText(chart.name)}">${chart.svg}</figure>`).join('')}</section>
${rest.map((table) => tableHtml(table, query)).join('\n')}
</main>
<footer><small>各大厅每小时上报；平均等候为到首次叫号（分钟）· Halls report hourly figures; wait = issue to first call (minutes)</small></footer>
${refreshing(['#now-figures'], 60)}
</body></html>`;
}

/**
 * The public page of the current wait at every hall, per service (as Service
 * NSW publishes its wait times): large, both languages, read again every 30 s.
 * A hall that has not reported lately says so rather than show old numbers.
 */
export function waitPage(halls: readonly HallNow[], at: Date, localTime: string): string {
  const cards = halls.map((hall) => {
    const fresh = hall.live !== null && hall.reportedAt !== null && at.getTime() - Date.parse(hall.reportedAt) <= hallQuietMs;
    const rows = (hall.live?.services ?? []).map((service) => {
      const name = hall.services.find((known) => known.code === service.service)?.name;
      const wait = service.longestWaitMinutes === null ? '无需等候 · No wait' : `${Math.round(service.longestWaitMinutes)} 分钟 · min`;
      return `<tr><th scope="row">${htmlText(name ? `${name['zh-CN']} · ${name.en}` : service.service)}</th><td>${service.waiting}</td><td>${htmlText(wait)}</td></tr>`;
    });
    const body = fresh
      ? `<table><thead><tr><th scope="col">事项 · Service</th><th scope="col">等候人数 · Waiting</th><th scope="col">当前等候 · Wait now</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '<p class="quiet">暂无最新数据 · No current figures from this hall</p>';
    return `<section class="hall" aria-labelledby="hall-${htmlText(hall.hallId)}"><h2 id="hall-${htmlText(hall.hallId)}">${htmlText(hall.name)}</h2>${body}</section>`;
  });
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>各大厅当前等候 · Current waits at every hall</title>${fontLinks}
<style>body { font-family: 'Noto Sans SC', sans-serif; margin: 1.5rem; color: #102a43; background: #ffffff; font-size: 1.25rem; }
h1 { font-size: 2rem; margin: .5rem 0 1rem; } h2 { font-size: 1.5rem; margin: 0 0 .5rem; }
main { display: grid; grid-template-columns: repeat(auto-fill, minmax(36rem, 1fr)); gap: 1.25rem; }
section.hall { border: 2px solid #486581; border-radius: 8px; padding: 1rem; }
table { border-collapse: collapse; width: 100%; } th, td { padding: .45rem .5rem; border-bottom: 1px solid #9fb3c8; text-align: right; }
td, thead th { white-space: nowrap; } tbody th, thead th:first-child { text-align: left; } p.quiet { color: #7a4d00; font-weight: 700; } footer { margin-top: 1.5rem; }</style></head>
<body><header><h1>各大厅当前等候 · Current waits at every hall</h1></header>
<main>${cards.join('\n')}</main>
<footer>更新于 · Updated ${htmlText(localTime)} · 每 30 秒更新 · Updated every 30 s</footer>
${refreshing(['main', 'footer'], 30)}
</body></html>`;
}
