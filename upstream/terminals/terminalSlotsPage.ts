import type { ReplacementReport, TerminalSlotView } from '../../main/contract/terminalSlot.js';
import { fontLinks, htmlText } from '../http/htmlText.js';
import { replacementLines } from './replacementLines.js';

/** The state of a slot's config in words: applied, waiting for the terminal, or not yet taken by a box. */
function stateOf(slot: TerminalSlotView): string {
  if (!slot.enrolled) return '未接入 · not enrolled';
  if (slot.appliedVersion === slot.publishedVersion) return '已生效 · applied';
  return '待终端生效 · waiting for the terminal';
}

/** The staff's list of terminal slots: what the hall published to each and what each applied. */
export function terminalSlotsPage(slots: readonly TerminalSlotView[], replacements: readonly ReplacementReport[]): string {
  const rows = slots
    .map(
      (slot) => `<tr data-terminal="${htmlText(slot.terminalId)}"><td>${htmlText(slot.terminalId)}</td><td>${htmlText(slot.role)}</td>
<td>${slot.window ?? ''}</td><td>${htmlText(slot.settings.services.join(', '))}</td><td>${slot.settings.idleTimeoutSeconds}</td>
<td>${htmlText(slot.settings.locale)}</td><td data-published>${slot.publishedVersion}</td><td data-applied>${slot.appliedVersion ?? '—'}</td>
<td data-state>${htmlText(stateOf(slot))}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>终端 · Terminals</title>${fontLinks}
<style>body{font-family:'Noto Sans SC',sans-serif;margin:2rem;color:#102a43}table{border-collapse:collapse}td,th{border:1px solid #9fb3c8;padding:.4rem .8rem;text-align:left}</style></head>
<body><h1>终端 · Terminals</h1>
<table><thead><tr><th>终端 · Terminal</th><th>角色 · Role</th><th>窗口 · Window</th><th>服务 · Services</th><th>空闲超时(秒) · Idle timeout (s)</th>
<th>语言 · Language</th><th>已发布版本 · Published</th><th>已生效版本 · Applied</th><th>状态 · State</th></tr></thead>
<tbody>${rows}</tbody></table>
${
  replacements.length === 0
    ? ''
    : `<h2>更换记录 · Replaced boxes</h2>\n${replacements
        .map(
          (report) =>
            `<ul data-replacement="${htmlText(report.terminalId)}">${replacementLines(report)
              .map((line) => `<li>${htmlText(line)}</li>`)
              .join('')}</ul>`,
        )
        .join('\n')}`
}
</body></html>`;
}
