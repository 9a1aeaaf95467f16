import { healthPaths } from '../../main/contract/health.js';
import { fontLinks } from '../http/htmlText.js';

/** Bilingual names the page shows for device roles and states (the contract's codes otherwise). */
const words = {
  idCardReader: '身份证阅读器 · ID card reader',
  scanner: '扫码器 · Scanner',
  receiptPrinter: '小票打印机 · Receipt printer',
  documentPrinter: 'A4 打印机 · A4 printer',
  ledDisplay: 'LED 屏 · LED display',
  paper_out: '缺纸 · paper out',
  paper_near_end: '纸将用完 · paper low',
  cover_open: '机盖打开 · cover open',
  not_responding: '无响应 · not responding',
  disconnected: '未连接 · disconnected',
  self_test_failed: '自检失败 · self-test failed',
  media_jam: '卡纸 · paper jam',
  offline: '离线 · offline',
  backlog: '积压 · backlog',
  disk: '磁盘空间不足 · disk low',
};

/**
 * The operations view: every terminal of the hall, alerting ones first,
 * read from the API with the staff session and read again whenever the
 * live feed says something changed (and every 15 s, should the feed drop).
 */
export function operationsPage(): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>终端运维 · Terminal operations</title>${fontLinks}
<style>
body { font-family: 'Noto Sans SC', sans-serif; margin: 2rem; color: #102a43; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bcccdc; padding: .45rem .7rem; text-align: left; vertical-align: top; }
thead { background: #e6eef7; }
tr.alerting { background: #fdecea; }
tr.offline { background: #eceff3; color: #334e68; }
.state { font-weight: 700; }
.online .state { color: #1e6b34; }
.alerting .state { color: #a3211a; }
.offline .state { color: #243b53; }
ul.alerts { margin: 0; padding-left: 1.1rem; }
small { color: #334e68; }
#live { font-size: .9rem; }
</style></head>
<body><main><h1>终端运维 · Terminal operations <small id="at"></small> <small id="live"></small></h1>
<table id="terminals"><thead><tr>
  <th>终端 Terminal</th><th>状态 State</th><th>告警 Alerts</th><th>画面 Screen</th><th>版本 Version</th>
  <th>配置 发布/应用 Config published/applied</th><th>积压 Backlog</th><th>最后拉取 Last pull</th><th>磁盘/内存 Disk/memory</th>
  <th>命令 Commands</th>
</tr></thead><tbody></tbody></table>
<!-- Remote commands (issue 13, item 4) go here: the lead wires this section and each row's Commands cell. -->
<section id="commands" aria-label="命令 · Commands"></section>
<script>
const words = ${JSON.stringify(words)};
const word = (code) => words[code] ?? code;
const time = (iso) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '–');
const mb = (bytes) => (bytes === null ? '–' : Math.round(bytes / 1048576) + ' MB');
function cell(...children) {
  const td = document.createElement('td');
  td.append(...children.map((child) => (typeof child === 'string' ? document.createTextNode(child) : child)));
  return td;
}
function line(text, small) {
  const element = document.createElement(small ? 'small' : 'div');
  element.textContent = text;
  return element;
}
function alertList(alerts) {
  if (alerts.length === 0) return '–';
  const list = document.createElement('ul');
  list.className = 'alerts';
  for (const alert of alerts) {
    const item = document.createElement('li');
    const what = alert.kind === 'device' ? word(alert.device) + ': ' + word(alert.detail ?? alert.state) : word(alert.kind) + (alert.detail ? ': ' + alert.detail : '');
    item.textContent = what + ' — 自 since ' + time(alert.since);
    list.append(item);
  }
  return list;
}
function row(t) {
  const tr = document.createElement('tr');
  tr.dataset.terminal = t.terminalId;
  tr.className = !t.online ? 'offline' : t.alerts.length > 0 ? 'alerting' : 'online';
  const state = !t.online ? (t.lastBeatAt ? '离线 Offline' : '未上线 Never seen') : t.alerts.length > 0 ? '告警 Alert' : '正常 Online';
  const config = t.config.applied >= t.config.published ? '已同步 up to date' : '待应用 pending';
  tr.append(
    cell(line(t.terminalId), line(t.role + (t.window ? ' · 窗口 window ' + t.window : ''), true)),
    cell(line(state), line('最后心跳 last beat ' + time(t.lastBeatAt), true)),
    cell(alertList(t.alerts)),
    cell(t.screen ?? '–'),
    cell(t.version ?? '–'),
    cell(line(t.config.published + ' / ' + t.config.applied), line(config, true)),
    cell(line(String(t.backlog)), line(t.oldestEventAt ? '最早 oldest ' + time(t.oldestEventAt) : '', true)),
    cell(time(t.lastPullAt)),
    cell(mb(t.freeDiskBytes) + ' / ' + mb(t.freeMemoryBytes)),
    cell(''),
  );
  tr.children[1].className = 'state';
  tr.children[9].dataset.commands = t.terminalId;
  return tr;
}
async function refresh() {
  const response = await fetch(${JSON.stringify(healthPaths.terminals)});
  if (!response.ok) { document.getElementById('at').textContent = '(' + response.status + ')'; return; }
  const overview = await response.json();
  document.getElementById('at').textContent = time(overview.at);
  document.querySelector('#terminals tbody').replaceChildren(...overview.terminals.map(row));
}
function listen() {
  const socket = new WebSocket(location.origin.replace(/^http/, 'ws') + ${JSON.stringify(healthPaths.live)});
  socket.onopen = () => { document.getElementById('live').textContent = '● 实时 live'; refresh(); };
  socket.onmessage = () => refresh();
  socket.onclose = () => { document.getElementById('live').textContent = '○ 重连中 reconnecting'; setTimeout(listen, 2000); };
}
refresh(); listen(); setInterval(refresh, 15000);
</script></main></body></html>`;
}
