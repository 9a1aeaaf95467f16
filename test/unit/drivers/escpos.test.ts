import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { EscPosDecoder, type EscPosEvent } from '../../../drivers/receipt-printer/escposDecoder.js';
import { parseStatusBytes, statusByteFor, type PrinterStatus } from '../../../drivers/receipt-printer/escposStatus.js';
import { qrCodeCommands } from '../../../drivers/receipt-printer/qrCommand.js';
import { testPageJob } from '../../../drivers/receipt-printer/testPage.js';
import { ticketJob, type TicketPrint } from '../../../main/services/queue/ticketLayout.js';

const ticket: TicketPrint = {
  hallName: '示例市政务服务中心',
  number: 'A001',
  service: { 'zh-CN': '社保业务', en: 'Social insurance' },
  peopleAhead: 3,
  estimatedWaitMinutes: 15,
  issuedAt: new Date(2026, 10, 25, 9, 30),
  followUrl: 'http://127.0.0.1:7300/t/A001',
};

function decodeAll(bytes: Buffer): EscPosEvent[] {
  const decoder = new EscPosDecoder();
  return [...decoder.push(bytes), ...decoder.flush()];
}

describe('DLE EOT status bytes', () => {
  it('reads the bits of the EPSON manual', () => {
    expect(parseStatusBytes(0x12, 0x12, 0x12)).toEqual({ offline: false, coverOpen: false, paperNearEnd: false, paperOut: false });
    expect(parseStatusBytes(0x1a, 0x16, 0x12)).toMatchObject({ offline: true, coverOpen: true });
    expect(parseStatusBytes(0x12, 0x12, 0x1e)).toMatchObject({ paperNearEnd: true, paperOut: false });
    expect(parseStatusBytes(0x1a, 0x32, 0x7e)).toMatchObject({ paperOut: true, offline: true });
  });

  it('round-trips every status through the bytes a printer answers', () => {
    fc.assert(
      fc.property(
        fc.record({ offline: fc.boolean(), coverOpen: fc.boolean(), paperNearEnd: fc.boolean(), paperOut: fc.boolean() }),
        (status: PrinterStatus) => {
          const parsed = parseStatusBytes(statusByteFor(1, status), statusByteFor(2, status), statusByteFor(4, status));
          expect(parsed.coverOpen).toBe(status.coverOpen);
          expect(parsed.paperOut).toBe(status.paperOut);
          expect(parsed.paperNearEnd).toBe(status.paperNearEnd || status.paperOut);
          expect(parsed.offline).toBe(status.offline || status.coverOpen || status.paperOut);
        },
      ),
    );
  });
});

describe('ticket layout and the ESC/POS decoder', () => {
  it('prints the number large, the service, people ahead, wait, time, a QR code, and cuts', () => {
    const events = decodeAll(ticketJob(ticket));
    const lines = events.flatMap((event) => (event.kind === 'line' ? [event.line] : []));
    expect(lines.find((line) => line.text === 'A001')).toMatchObject({ bold: true, align: 'center', width: 4, height: 4 });
    expect(lines.map((line) => line.text)).toEqual(
      expect.arrayContaining([
        '示例市政务服务中心',
        '社保业务  Social insurance',
        '前面还有 3 人   3 ahead of you',
        '预计等候约 15 分钟   about 15 min',
        '取号时间 Issued 2026-11-25 09:30',
      ]),
    );
    expect(events.filter((event) => event.kind === 'qr')).toEqual([{ kind: 'qr', content: ticket.followUrl }]);
    expect(events.at(-1)).toEqual({ kind: 'cut' });
  });

  it('encodes Chinese as GB18030, including characters GB2312 lacks', () => {
    const rare = '䶮'; // in GB18030, not in GB2312: a name character the library's CHINA set would lose
    const job = ticketJob({ ...ticket, hallName: `${rare}示例` });
    expect(job.includes(iconv.encode(`${rare}示例`, 'gb18030'))).toBe(true);
    expect(decodeAll(job).some((event) => event.kind === 'line' && event.line.text === `${rare}示例`)).toBe(true);
  });

  it('builds STAR jobs with the same GB18030 text', () => {
    const job = ticketJob(ticket, 'star');
    expect(job.includes(iconv.encode('前面还有 3 人', 'gb18030'))).toBe(true);
    expect(job.equals(ticketJob(ticket, 'epson'))).toBe(false);
  });

  it('counts QR data in bytes, so non-ASCII content survives', () => {
    const events = decodeAll(qrCodeCommands('取号 A001'));
    expect(events).toEqual([{ kind: 'qr', content: '取号 A001' }]);
  });

  it('prints a test page', () => {
    const text = decodeAll(testPageJob('K-01', new Date(2026, 0, 2, 3, 4))).flatMap((event) =>
      event.kind === 'line' ? [event.line.text] : [],
    );
    expect(text).toEqual(
      expect.arrayContaining(['OneWindow 测试页 Test page', '终端 Terminal K-01', '中文打印正常 Chinese prints correctly']),
    );
  });

  it('decodes the same however the bytes are split, and never throws on random input', () => {
    const job = ticketJob(ticket);
    const whole = JSON.stringify(decodeAll(job));
    fc.assert(
      fc.property(fc.array(fc.nat(job.length), { maxLength: 8 }), (cuts) => {
        const decoder = new EscPosDecoder();
        const events: EscPosEvent[] = [];
        let last = 0;
        for (const point of [...new Set(cuts)].sort((a, b) => a - b).concat(job.length)) {
          events.push(...decoder.push(job.subarray(last, point)));
          last = point;
        }
        events.push(...decoder.flush());
        expect(JSON.stringify(events)).toBe(whole);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 10 }), (chunks) => {
        const decoder = new EscPosDecoder();
        for (const chunk of chunks) decoder.push(chunk);
        decoder.flush();
      }),
      { numRuns: 500 },
    );
  });
});
