import { execFile } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RpcOutput } from '../../main/contract/rpc.js';
import type { DocumentPrinterDevice } from '../../main/devices/documentPrinterDevice.js';
import { verifyDocumentText } from '../../main/services/certificates/verifyDocument.js';
import { startQueueHall } from '../support/queueHall.js';

const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The height of the first word `word` on the page, from pdftotext's boxes: how large the type is. */
const heightOf = async (file: string, word: string) => {
  const { stdout } = await run('pdftotext', ['-bbox', file, '-']);
  const box = new RegExp(`yMin="([\\d.]+)" xMax="[\\d.]+" yMax="([\\d.]+)">${word}`).exec(stdout);
  if (!box) throw new Error(`no "${word}" in the document`);
  return Number(box[2]) - Number(box[1]);
};

/** How many clearly red pixels the page has, rendered at 72 dpi (pdftoppm's PPM: a text header, then RGB bytes). */
const redPixels = async (file: string) => {
  const { stdout } = await run('pdftoppm', ['-r', '72', '-singlefile', file], { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(stdout.subarray(0, 40).toString('latin1'))!;
  let red = 0;
  for (let at = header[0].length; at + 2 < stdout.length; at += 3)
    if (stdout[at]! > 170 && stdout[at + 1]! < 110 && stdout[at + 2]! < 110) red += 1;
  return red;
};

/** What a phone's camera would read from the page's QR code, rendered at 150 dpi as a scanner sees paper. */
const qrOnPage = async (file: string) => {
  const { stdout } = await run('pdftoppm', ['-r', '150', '-png', '-singlefile', file], { encoding: 'buffer', maxBuffer: 32 * 1024 * 1024 });
  const image = PNG.sync.read(stdout);
  // jsqr is CommonJS: its export is the function, which also carries itself as `default` (what TypeScript sees).
  return (
    jsQR.default(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data ??
    null
  );
};

describe('the printed certificate as the standard expects', () => {
  it('carries the demo seal, the use limitation with a validity per type, says plainly what does not apply, is large print when asked, and still verifies', async () => {
    const queueHall = await startQueueHall();
    cleanups.push(() => queueHall.close());
    const { kiosk, hall } = queueHall;
    const dispatch = async <T>(method: string, input: unknown) => {
      const answer = (await kiosk.host.dispatch(method as never, input as never)) as { ok: boolean; result: T; error?: unknown };
      if (!answer.ok) throw new Error(JSON.stringify(answer.error));
      return answer.result;
    };
    // 陈示例 was born in 1990: not retired.
    await dispatch('citizen.scanEid', { code: 'OWEID:demo-eid-chen-shili' });
    await dispatch('citizen.consent', {});
    const spool = kiosk.host.devices.device<DocumentPrinterDevice>('documentPrinter')!.spool!;
    const printOne = async (type: string, largePrint: boolean) => {
      const printed = await dispatch<RpcOutput<'certificates.print'>>('certificates.print', { type, largePrint });
      const [job] = (await readdir(spool.directory, { recursive: true })).filter((name) => name.endsWith('.data'));
      const file = path.join(spool.directory, `${printed.code}.pdf`);
      await run('cp', [path.join(spool.directory, job!), file]);
      await rm(path.join(spool.directory, job!));
      const text = (await run('pdftotext', ['-layout', file, '-'])).stdout;
      return { printed, file, text, squeezed: text.replace(/\s+/g, '') };
    };

    const pension = await printOne('pension-payment', false);
    const issuedOn = new Date();
    // Dates as the hall counts them: the demo hall is in Shanghai (no summer time), whatever the machine's zone.
    const shanghaiDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
    const inDays = (days: number) => shanghaiDate(new Date(issuedOn.getTime() + days * 86_400_000));
    expect(pension.squeezed).toContain(`出具日期：${shanghaiDate(issuedOn)}`);
    expect(pension.squeezed).toContain('退休时间Retiredon：未退休');
    expect(pension.squeezed).toContain('月养老金（元）Monthlypension(CNY)：0.00');
    expect(pension.squeezed).toContain('未退休，无养老金发放记录。');
    // No empty table under its header.
    expect(pension.squeezed).not.toContain('发放月份');
    expect(pension.squeezed).toContain(`仅供办理政务服务事项时使用，有效期至${inDays(90)}`);
    // The seal is drawn (red, beside the issuing authority), not text a reader could mix into the certificate's lines.
    expect(pension.squeezed).not.toContain('演示专用章');
    expect(await redPixels(pension.file)).toBeGreaterThan(2000);
    expect(await verifyDocumentText(pension.text, hall.url)).toEqual({ genuine: true, code: pension.printed.code, problems: [] });
    const record = (await fetch(`${hall.url}/verify/${pension.printed.code}.json`).then((response) => response.json())) as {
      content: { validUntil: string; table: unknown; verifyUrl: string };
    };
    expect(record.content).toMatchObject({ validUntil: inDays(90), table: null });
    // Its QR code scans to the hall's page for this very certificate.
    expect(record.content.verifyUrl).toContain(pension.printed.code);
    expect(await qrOnPage(pension.file)).toBe(record.content.verifyUrl);

    // Another type, another validity; in elder mode the kiosk asks for large print.
    const insured = await printOne('insured-status', true);
    expect(insured.squeezed).toContain(`仅供办理政务服务事项时使用，有效期至${inDays(30)}`);
    expect(await verifyDocumentText(insured.text, hall.url)).toEqual({ genuine: true, code: insured.printed.code, problems: [] });
    const usual = await printOne('insured-status', false);
    expect(await heightOf(insured.file, '出具日期')).toBeGreaterThan((await heightOf(usual.file, '出具日期')) * 1.3);
  }, 120_000);
});
