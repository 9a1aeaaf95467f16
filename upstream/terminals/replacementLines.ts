import type { ReplacementReport } from '../../main/contract/terminalSlot.js';

/** A replacement report in plain lines (zh-CN · en), the same on the staff page and in the CLI. */
export function replacementLines(report: ReplacementReport): string[] {
  const { undelivered } = report;
  const types = Object.entries(undelivered.byType).map(([type, count]) => `${type} ×${count}`);
  const lines = [
    `${report.terminalId} 更换于 replaced at ${report.replacedAt}; 旧设备最后心跳 old box's last beat: ${report.lastBeatAt ?? '从未 never'}`,
    undelivered.events === 0
      ? '未送达事件 undelivered events: 0'
      : `未送达事件（已丢失）lost, never delivered: ${undelivered.events} (最早 oldest ${undelivered.oldestAt ?? '?'})` +
        (types.length > 0 ? `: ${types.join(', ')}` : ''),
  ];
  for (const numbers of report.unreportedNumbers)
    lines.push(
      `未上报号码（市民可能持有，视为有效）unreported numbers, a citizen may hold one (valid) ${numbers.businessDay}: ${numbers.labels.join(', ')}`,
    );
  return lines;
}
