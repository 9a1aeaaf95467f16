import type { IssuedTicket, QueueService } from '../../main/contract/queue.js';
import { fontLinks, htmlText } from './htmlText.js';

const statusText = {
  waiting: ['等候中', 'Waiting'],
  called: ['请到窗口办理', 'Please go to the window'],
  finished: ['已办结', 'Done'],
  no_show: ['已过号', 'Missed'],
} as const;

/**
 * The page a ticket's QR code opens on the citizen's phone: the number, its
 * state, the people ahead; it refreshes itself. No personal data is on it.
 */
export function followPage(issued: IssuedTicket, service: Pick<QueueService, 'name'>, ratePath: string | null = null): string {
  const { ticket } = issued;
  const [zh, en] = statusText[ticket.status];
  const where =
    ticket.status === 'called' && ticket.window !== null
      ? `<p class="where">${htmlText(ticket.window)} 号窗口 · Window ${htmlText(ticket.window)}</p>`
      : '';
  const ahead =
    ticket.status === 'waiting'
      ? `<p>前面还有 <b>${issued.peopleAhead}</b> 人 · ${issued.peopleAhead} ahead${issued.estimatedWaitMinutes === null ? '' : ` · 约 ${issued.estimatedWaitMinutes} 分钟 · about ${issued.estimatedWaitMinutes} min`}</p>`
      : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="15"><title>${htmlText(ticket.label)}</title>${fontLinks}
<style>body{font-family:'Noto Sans SC',sans-serif;text-align:center;margin:2rem;color:#102a43}.label{font-size:4rem;font-weight:700;margin:.5rem}.state{font-size:1.6rem}.where{font-size:2rem;color:#b3261e}</style></head>
<body><p>${htmlText(service.name['zh-CN'])} · ${htmlText(service.name.en)}</p><p class="label">${htmlText(ticket.label)}</p>
<p class="state">${zh} · ${en}</p>${where}${ahead}${ratePath ? `<p><a href="${htmlText(ratePath)}">评价本次服务 · Rate this service</a></p>` : ''}</body></html>`;
}
