import {
  decodeEnrollmentPayload,
  terminalSlotPaths,
  type ReplacementReport,
  type TerminalSlotView,
} from '../../main/contract/terminalSlot.js';
import { fingerprintStartDigits } from '../../main/contract/tlsFingerprint.js';
import { fontLinks, htmlText } from '../http/htmlText.js';
import { replacementLines } from './replacementLines.js';

/** The state of a slot's config in words: applied, waiting for the terminal, or not yet taken by a box. */
function stateOf(slot: TerminalSlotView): string {
  if (!slot.enrolled) return '未接入 · not enrolled';
  if (slot.appliedVersion === slot.publishedVersion) return '已生效 · applied';
  return '待终端生效 · waiting for the terminal';
}

/** What the last form did: a slot made or a box replaced (its QR for the new box), or why the hall refused it. */
export interface SlotPageOutcome {
  created?: { terminalId: string; code: string; payload: string; qrSvg: string; report?: ReplacementReport };
  problems?: readonly string[];
}

const roles = [
  ['kiosk', '自助终端 · kiosk'],
  ['counter', '窗口终端 · counter'],
  ['display', '显示屏 · display'],
] as const;

function replaceForm(slot: TerminalSlotView): string {
  if (!slot.enrolled) return '';
  const id = htmlText(slot.terminalId);
  return `<form method="post" action="${terminalSlotPaths.pageReplace}" class="replace"><input type="hidden" name="terminalId" value="${id}">
<label><input type="checkbox" name="confirm" value="yes" required> 旧设备已坏并取走 · the old box is broken and taken away</label>
<button type="submit">更换设备 · Replace the box</button></form>`;
}

function outcomeBlock(outcome: SlotPageOutcome): string {
  if (outcome.problems?.length)
    return `<div class="error" role="alert"><p>未保存 · Not saved:</p><ul>${outcome.problems.map((problem) => `<li>${htmlText(problem)}</li>`).join('')}</ul></div>`;
  const created = outcome.created;
  if (!created) return '';
  const report = created.report
    ? `<ul>${replacementLines(created.report)
        .map((line) => `<li>${htmlText(line)}</li>`)
        .join('')}</ul>`
    : '';
  return `<section class="created" role="status" data-created="${htmlText(created.terminalId)}">
<h2>${htmlText(created.terminalId)} 的接入二维码 · Enrollment QR</h2>
<p>在新设备的设置向导中扫描，或输入接入码 · Scan it in the new box's setup wizard, or type the code: <code data-code>${htmlText(created.code)}</code></p>
<div class="qr">${created.qrSvg}</div>
<p>二维码内容 · What the QR code says: <code data-payload>${htmlText(created.payload)}</code></p>${typedByHand(created.payload)}${report}</section>`;
}

/** What a technician types on the new box's keypads when it has no scanner: the address, and over https the fingerprint's start. */
function typedByHand(payload: string): string {
  const { hall, fingerprint } = decodeEnrollmentPayload(payload);
  const url = new URL(hall);
  const start = fingerprint?.replace(/:/g, '').slice(0, fingerprintStartDigits).match(/..../g)!.join(' ');
  return `<p>手动输入 · To type by hand: 大厅地址 · hall address <code data-address>${htmlText(url.host)}</code>${
    start
      ? `（勾选 https · tick https），证书指纹前 ${fingerprintStartDigits} 位 · the fingerprint begins <code data-fingerprint-start>${htmlText(start)}</code>`
      : ''
  }</p>`;
}

function createForm(services: readonly string[]): string {
  const boxes = services
    .map((service) => `<label><input type="checkbox" name="services" value="${htmlText(service)}" checked> ${htmlText(service)}</label>`)
    .join(' ');
  return `<h2>新建终端位 · New terminal slot</h2>
<form method="post" action="${terminalSlotPaths.page}" class="create">
<label>终端编号 · Terminal id <input name="terminalId" required maxlength="32"></label>
<label>角色 · Role <select name="role">${roles.map(([value, text]) => `<option value="${value}">${text}</option>`).join('')}</select></label>
<label>窗口号（仅窗口终端）· Window (counter only) <input name="window" inputmode="numeric" maxlength="3"></label>
<fieldset><legend>服务 · Services</legend>${boxes}</fieldset>
<label>空闲超时（秒）· Idle timeout (s) <input name="idleTimeoutSeconds" inputmode="numeric" value="90" required></label>
<label>语言 · Language <select name="locale"><option value="zh-CN">中文</option><option value="en">English</option></select></label>
<button type="submit">创建并生成接入二维码 · Create, and show its enrollment QR</button>
</form>`;
}

/** The technicians' page of terminal slots: published vs applied, a new slot, a broken box replaced. */
export function terminalSlotsPage(
  slots: readonly TerminalSlotView[],
  replacements: readonly ReplacementReport[],
  services: readonly string[],
  outcome: SlotPageOutcome = {},
): string {
  const rows = slots
    .map(
      (slot) => `<tr data-terminal="${htmlText(slot.terminalId)}"><td>${htmlText(slot.terminalId)}</td><td>${htmlText(slot.role)}</td>
<td>${slot.window ?? ''}</td><td>${htmlText(slot.settings.services.join(', '))}</td><td>${slot.settings.idleTimeoutSeconds}</td>
<td>${htmlText(slot.settings.locale)}</td><td data-published>${slot.publishedVersion}</td><td data-applied>${slot.appliedVersion ?? '—'}</td>
<td data-state>${htmlText(stateOf(slot))}</td><td>${replaceForm(slot)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>终端 · Terminals</title>${fontLinks}
<style>body{font-family:'Noto Sans SC',sans-serif;margin:2rem;color:#102a43}table{border-collapse:collapse}td,th{border:1px solid #9fb3c8;padding:.4rem .8rem;text-align:left}
button,select,input{font:inherit}form.create{display:grid;gap:.6rem;max-width:40rem}form.replace{display:flex;gap:.5rem;align-items:center}button{padding:.4rem 1rem}
.error{color:#8a1c1c}.created .qr svg{width:16rem;height:16rem}</style></head>
<body><main><h1>终端 · Terminals</h1>
${outcomeBlock(outcome)}
<table><thead><tr><th>终端 · Terminal</th><th>角色 · Role</th><th>窗口 · Window</th><th>服务 · Services</th><th>空闲超时(秒) · Idle timeout (s)</th>
<th>语言 · Language</th><th>已发布版本 · Published</th><th>已生效版本 · Applied</th><th>状态 · State</th><th>更换 · Replace</th></tr></thead>
<tbody>${rows}</tbody></table>
${createForm(services)}
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
</main></body></html>`;
}
