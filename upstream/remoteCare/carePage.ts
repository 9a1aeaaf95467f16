import { careActionSchema, carePaths, type CareCommand } from '../../main/contract/remoteCare.js';
import { fontLinks, htmlText } from '../http/htmlText.js';

const actionNames: Record<CareCommand['action'], string> = {
  reload: '重新载入屏幕 · Reload screens',
  restart: '重启主机 · Restart host',
  'test-receipt': '打印测试凭条 · Test receipt',
  screenshot: '截屏 · Screenshot',
  logs: '最近日志 · Recent logs',
  'apply-config': '立即应用配置 · Apply config now',
};

const stateNames: Record<CareCommand['state'], string> = {
  pending: '等待送达 · Waiting (terminal offline)',
  sent: '已送达 · Delivered',
  done: '完成 · Done',
  failed: '失败 · Failed',
  expired: '已过期 · Expired',
};

function resultCell(command: CareCommand): string {
  const parts = [command.message ? `<p>${htmlText(command.message)}</p>` : ''];
  if (command.screenshotUrl)
    parts.push(
      `<a href="${htmlText(command.screenshotUrl)}"><img src="${htmlText(command.screenshotUrl)}" alt="${htmlText(`${command.terminalId} 屏幕截图 · screenshot`)}" width="270"></a>`,
    );
  if (command.logLines)
    parts.push(
      `<details><summary>${command.logLines.length} 行 · lines</summary><pre>${htmlText(command.logLines.join('\n'))}</pre></details>`,
    );
  return parts.join('');
}

/** The technicians' page: send a terminal a command, and see every command's delivery and result. */
export function carePage(commands: readonly CareCommand[], staff: string): string {
  const open = commands.some((command) => command.state === 'pending' || command.state === 'sent');
  const rows = commands
    .map(
      (command) => `<tr data-command="${htmlText(command.id)}">
<td>${htmlText(command.requestedAt.replace('T', ' ').slice(0, 19))}</td><td>${htmlText(command.terminalId)}</td>
<td>${htmlText(actionNames[command.action])}</td><td>${htmlText(command.requestedBy)}</td>
<td class="state">${htmlText(stateNames[command.state])}</td><td class="result">${resultCell(command)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>远程维护 · Remote care</title>${fontLinks}
${open ? '<meta http-equiv="refresh" content="3">' : ''}
<style>body{font-family:'Noto Sans SC',sans-serif;margin:2rem;color:#102a43}button,select,input{font:inherit}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #9fb3c8;padding:.4rem;text-align:left;vertical-align:top}label,select,input,button{font-family:inherit;font-size:1.05rem;margin-right:.5rem}
pre{max-height:20rem;overflow:auto;background:#f0f4f8;padding:.5rem}img{border:1px solid #9fb3c8}</style></head>
<body><main><h1>远程维护 · Remote care</h1><p>${htmlText(`工作人员 · Staff: ${staff}`)}</p>
<form method="post" action="${carePaths.page}">
<label>终端 · Terminal <input name="terminal" required pattern="[A-Za-z0-9][A-Za-z0-9-]{0,31}"></label>
<label>命令 · Command <select name="action">${careActionSchema.options.map((action) => `<option value="${action}">${htmlText(actionNames[action])}</option>`).join('')}</select></label>
<label>日志行数 · Log lines <input name="lines" type="number" min="1" max="5000" value="200"></label>
<button type="submit">发送 · Send</button></form>
<h2>命令与结果 · Commands and results</h2>
<table id="commands"><thead><tr><th>时间 · Time (UTC)</th><th>终端 · Terminal</th><th>命令 · Command</th><th>发起人 · By</th><th>状态 · State</th><th>结果 · Result</th></tr></thead>
<tbody>${rows}</tbody></table></main></body></html>`;
}
