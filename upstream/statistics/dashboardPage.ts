import type { HallQueue } from '../../main/contract/hallQueue.js';
import { fontLinks, htmlText } from '../http/htmlText.js';
import { chartNames } from './figureCharts.js';

export const dashboardPaths = {
  page: '/dashboard',
  figures: '/dashboard/figures',
  tables: '/dashboard/tables',
  live: '/dashboard/live',
  chart: (name: string) => `/dashboard/charts/${name}.svg`,
  csv: (table: string) => `/dashboard/export/${table}.csv`,
  xlsx: '/dashboard/export/figures.xlsx',
} as const;

/**
 * The supervisor's dashboard: the hall now (refreshed every 10 s), charts
 * drawn by the hall (ECharts SVG, in the page so they use its CJK font), and
 * every table of the chosen date range with its CSV; all tables as one XLSX.
 */
export function dashboardPage(queue: HallQueue, range: { from: string; to: string }): string {
  const names = Object.fromEntries(queue.services.map((service) => [service.code, service.name['zh-CN']]));
  const data = JSON.stringify({
    names,
    paths: { ...dashboardPaths, chart: dashboardPaths.chart('NAME'), csv: dashboardPaths.csv('NAME') },
    charts: chartNames,
  }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>大厅统计 · Hall statistics</title>${fontLinks}
<style>
body { font-family: 'Noto Sans SC', sans-serif; margin: 1.5rem 2rem; color: #102a43; background: #f7f9fc; }
nav a { margin-right: 1rem; color: #0b4f8a; } h1 { margin: .5rem 0; font-size: 1.8rem; }
form.range { display: flex; gap: 1rem; align-items: end; margin: 1rem 0; } form.range label { display: flex; flex-direction: column; }
input, button, a.button { font: inherit; padding: .35rem .8rem; } a.button { background: #0b4f8a; color: #fff; text-decoration: none; border-radius: 4px; }
.live { display: grid; grid-template-columns: repeat(6, 1fr); gap: 1rem; margin: 1rem 0; }
.tile { background: #fff; border: 1px solid #d9e2ec; border-radius: 6px; padding: .75rem 1rem; } .tile b { display: block; font-size: 2.2rem; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; } .chart { background: #fff; border: 1px solid #d9e2ec; border-radius: 6px; min-height: 380px; }
.chart svg { width: 100%; height: auto; }
table { border-collapse: collapse; background: #fff; margin: .5rem 0 1.5rem; font-size: .9rem; }
th, td { border: 1px solid #bcccdc; padding: .3rem .6rem; text-align: right; } th:first-child, td:first-child { text-align: left; } thead { background: #e6eef7; }
h2 { font-size: 1.2rem; margin: 1rem 0 .25rem; } h2 a { font-size: .9rem; margin-left: 1rem; color: #0b4f8a; }
</style></head>
<body><nav><a href="/dashboard">统计 · Dashboard</a><a href="/dashboard/cases">差评整改 · Rating cases</a></nav><main>
<h1>${htmlText(queue.hallName['zh-CN'])} · 大厅统计 Hall statistics</h1>
<section aria-label="实时 Live"><div class="live" id="live"></div></section>
<form class="range" id="range"><label>开始 From<input type="date" name="from" value="${htmlText(range.from)}" required></label>
<label>结束 To<input type="date" name="to" value="${htmlText(range.to)}" required></label>
<button type="submit">查询 Show</button><a class="button" id="xlsx" href="#">导出 XLSX</a></form>
<section class="charts" id="charts"></section>
<section id="tables"></section>
<p><small>${htmlText(queue.timeZone)} · 每日 ${htmlText(String(queue.resetHour).padStart(2, '0'))}:00 重置 · 单位：分钟 minutes · 中位数/P90 按最近秩：单日精确，多日由每分钟计数得出，误差小于 1 分钟 · median/p90 nearest-rank: exact for one day, within a minute over more</small></p>
<script>
const { names, paths, charts } = ${data};
const shown = (value) => (value === null || value === undefined ? '–' : String(value));
const el = (tag, text) => { const node = document.createElement(tag); if (text !== undefined) node.textContent = text; return node; };
function query() { const form = new FormData(document.getElementById('range')); return '?from=' + form.get('from') + '&to=' + form.get('to'); }
async function live() {
  const response = await fetch(paths.live);
  if (!response.ok) return;
  const now = await response.json();
  const tiles = [['等候 Waiting', now.waiting], ['最长等候(分) Longest wait', now.longestWaitMinutes], ['办理中 Serving', now.serving],
    ['暂停 Paused', now.paused.length], ['今日已办 Served today', now.served], ['今日服务水平% Service level', now.serviceLevel]];
  document.getElementById('live').replaceChildren(...tiles.map(([label, value]) => { const tile = el('div'); tile.className = 'tile'; tile.append(el('span', label), el('b', shown(value))); tile.dataset.live = label; return tile; }));
}
async function range() {
  const q = query();
  history.replaceState(null, '', q);
  document.getElementById('xlsx').href = paths.xlsx + q;
  const tables = await (await fetch(paths.tables + q)).json();
  document.getElementById('tables').replaceChildren(...tables.flatMap((table) => {
    const heading = el('h2', table.title);
    const csv = el('a', 'CSV'); csv.href = paths.csv.replace('NAME', table.name) + q; heading.append(csv);
    const grid = el('table'); grid.id = table.name;
    const head = el('thead'); const headRow = el('tr'); headRow.append(...table.headers.map((h) => el('th', h))); head.append(headRow);
    const body = el('tbody'); body.append(...table.rows.map((row) => { const tr = el('tr'); tr.append(...row.map((cell) => el('td', shown(cell)))); return tr; }));
    grid.append(head, body);
    return [heading, grid];
  }));
  const svgs = await Promise.all(charts.map(async (name) => (await fetch(paths.chart.replace('NAME', name) + q)).text()));
  document.getElementById('charts').replaceChildren(...svgs.map((svg, index) => { const box = el('figure'); box.className = 'chart'; box.dataset.chart = charts[index]; box.innerHTML = svg; box.setAttribute('role', 'img'); box.setAttribute('aria-label', box.querySelector('text:last-of-type')?.textContent ?? charts[index]); return box; }));
}
document.getElementById('range').addEventListener('submit', (event) => { event.preventDefault(); range(); });
live(); range(); setInterval(live, 10000);
</script></main></body></html>`;
}
