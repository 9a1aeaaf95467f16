import type { IssuedTicket, QueueService } from '../../main/contract/queue.js';
import { fontLinks, htmlText } from '../http/htmlText.js';
import { nearTurnAhead } from '../../main/contract/turnReminder.js';

const statusText = {
  waiting: ['等候中', 'Waiting'],
  called: ['请到窗口办理', 'Please go to the window'],
  finished: ['已办结', 'Done'],
  no_show: ['已过号', 'Missed'],
} as const;

/** The ticket's standing as the page shows it, in both languages; the page's script renders the same from the JSON. */
function standingHtml(issued: IssuedTicket): string {
  const { ticket } = issued;
  const [zh, en] = statusText[ticket.status];
  const where =
    ticket.status === 'called' && ticket.window !== null
      ? `<p class="where">${htmlText(ticket.window)} 号窗口 · Window ${htmlText(ticket.window)}</p>`
      : '';
  const ahead =
    ticket.status === 'waiting'
      ? `<p>前面还有 <b data-ahead>${issued.peopleAhead}</b> 人 · ${issued.peopleAhead} ahead${issued.estimatedWaitMinutes === null ? '' : ` · 约 ${issued.estimatedWaitMinutes} 分钟 · about ${issued.estimatedWaitMinutes} min`}</p>`
      : '';
  return `<p class="state">${zh} · ${en}</p>${where}${ahead}`;
}

/**
 * The page a ticket's QR code opens on the citizen's phone: the number, its
 * state, the people ahead and an estimate, kept up to date by asking
 * `statusUrl` (no reload); it can notify in the browser when
 * `nearTurnAhead` or fewer are ahead. No personal data is on it.
 */
export function followPage(
  issued: IssuedTicket,
  service: Pick<QueueService, 'name'>,
  statusUrl: string,
  /** Where a finished, unrated ticket can still be rated; null when there is nothing to rate. */
  ratePath: string | null = null,
): string {
  const { ticket } = issued;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlText(ticket.label)}</title>${fontLinks}
<style>body{font-family:'Noto Sans SC',sans-serif;text-align:center;margin:2rem;color:#102a43}.label{font-size:4rem;font-weight:700;margin:.5rem}.state{font-size:1.6rem}.where{font-size:2rem;color:#b3261e}button{font:inherit;font-size:1.2rem;padding:.8rem 1.6rem;min-height:48px;border-radius:8px;border:2px solid #0b4a8b;background:#fff;color:#0b4a8b}.note{color:#4d5766}</style></head>
<body><main><p>${htmlText(service.name['zh-CN'])} · ${htmlText(service.name.en)}</p><h1 class="label">${htmlText(ticket.label)}</h1>
<div id="standing" aria-live="polite">${standingHtml(issued)}</div>
${ratePath ? `<p><a href="${htmlText(ratePath)}">评价本次服务 · Rate this service</a></p>` : ''}
<p><button type="button" id="remind">快到我时提醒我 · Tell me when my turn is near</button></p>
<p class="note" id="remind-state"></p>
<script>
(() => {
  const near = ${nearTurnAhead};
  const texts = ${JSON.stringify(statusText)};
  const standing = document.getElementById('standing');
  const remindState = document.getElementById('remind-state');
  let remind = false;
  let told = false;
  const esc = (value) => String(value).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
  const render = ({ ticket, peopleAhead, estimatedWaitMinutes }) => {
    const [zh, en] = texts[ticket.status];
    let html = '<p class="state">' + zh + ' · ' + en + '</p>';
    if (ticket.status === 'called' && ticket.window !== null) html += '<p class="where">' + esc(ticket.window) + ' 号窗口 · Window ' + esc(ticket.window) + '</p>';
    if (ticket.status === 'waiting') {
      html += '<p>前面还有 <b data-ahead>' + peopleAhead + '</b> 人 · ' + peopleAhead + ' ahead';
      if (estimatedWaitMinutes !== null) html += ' · 约 ' + estimatedWaitMinutes + ' 分钟 · about ' + estimatedWaitMinutes + ' min';
      html += '</p>';
    }
    standing.innerHTML = html;
    const isNear = ticket.status === 'called' || (ticket.status === 'waiting' && peopleAhead <= near);
    if (remind && isNear && !told) {
      told = true;
      const body = ticket.status === 'called' ? '请到 ' + ticket.window + ' 号窗口 · Window ' + ticket.window : '前面还有 ' + peopleAhead + ' 人 · ' + peopleAhead + ' ahead';
      new Notification(${JSON.stringify(`${ticket.label} 快到您了 · Your turn is near`)}, { body, tag: ${JSON.stringify(ticket.id)} });
    }
    return ticket.status === 'waiting' || ticket.status === 'called';
  };
  const poll = async () => {
    try {
      const response = await fetch(${JSON.stringify(statusUrl)}, { cache: 'no-store' });
      if (response.ok && !render(await response.json())) return;
    } catch {}
    setTimeout(poll, 3000);
  };
  document.getElementById('remind').addEventListener('click', async () => {
    if (!('Notification' in window)) { remindState.textContent = '此浏览器不能提醒 · This browser cannot notify'; return; }
    remind = (await Notification.requestPermission()) === 'granted';
    remindState.textContent = remind ? '前面剩 ' + near + ' 人时提醒您 · You will be told when ' + near + ' are ahead' : '未允许通知 · Notifications were not allowed';
  });
  setTimeout(poll, 3000);
})();
</script></main></body></html>`;
}
