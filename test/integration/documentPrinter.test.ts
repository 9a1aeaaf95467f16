import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CupsQueue } from '../../drivers/cups/cupsQueue.js';
import { SpoolFolder } from '../../drivers/cups/spoolSimulator/spoolFolder.js';
import { keptJobs } from '../../drivers/cups/spoolSimulator/spoolTools.js';
import { testPagePdf } from '../../drivers/document-printer/testPage.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function simulatedQueue(): Promise<{ spool: SpoolFolder; queue: CupsQueue }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-spool-test-'));
  dirs.push(dir);
  const spool = await SpoolFolder.create(dir, 'Hall_A4');
  return { spool, queue: new CupsQueue('Hall_A4', spool.commands()) };
}

describe('A4 document printer through lp/lpstat, against the spool-folder simulator', () => {
  it('submits a PDF, gets its job id, and sees it printed', async () => {
    const { spool, queue } = await simulatedQueue();
    const pdf = await testPagePdf('K-01', new Date());
    const jobId = await queue.submit(pdf, 'Test page');
    expect(jobId).toBe('Hall_A4-1');
    expect(await queue.waitForJob(jobId, 5000, 50)).toEqual({ state: 'completed', jobId });
    const received = await spool.documentOf(jobId);
    expect(received.subarray(0, 5).toString()).toBe('%PDF-');
    expect(received.equals(pdf)).toBe(true);
  });

  it("reads lp's whole answer, to the end of its output, not only what came before it exited", async () => {
    // Node may report a child's exit before the last of its output is read; here the last line comes after the exit.
    const late = ['/bin/sh', '-c', 'cat > /dev/null; (sleep 0.2; echo "request id is Q-7 (1 file(s))") & exit 0', 'lp'];
    const queue = new CupsQueue('Q', { lp: late, lpstat: ['/bin/true'], env: {} });
    expect(await queue.submit(Buffer.from('%PDF-'), 'Late answer')).toBe('Q-7');
  });

  it('keeps the last printed jobs, as CUPS keeps a bounded history, and never gives an id twice', async () => {
    const { spool, queue } = await simulatedQueue();
    await spool.setState({ enabled: true, reasons: ['media-empty-error'] });
    const held = await queue.submit(Buffer.from('%PDF-held'), 'Held');
    await spool.setState({ enabled: true, reasons: [] });
    const ids = [held];
    for (let job = 0; job < keptJobs + 3; job += 1) ids.push(await queue.submit(Buffer.from('%PDF-'), `Job ${job}`));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.at(-1)).toBe(`Hall_A4-${keptJobs + 4}`);
    const kept = (await spool.jobs()).map((job) => job.id);
    expect(kept).toHaveLength(keptJobs);
    expect(kept).toContain(ids.at(-1));
    expect(kept).not.toContain(held);
  });

  it('reports a job held for want of paper, and printed once paper is loaded', async () => {
    const { spool, queue } = await simulatedQueue();
    await spool.setState({ enabled: true, reasons: ['media-empty-error'] });
    const jobId = await queue.submit(await testPagePdf('K-01', new Date()), 'Certificate');
    expect(await queue.waitForJob(jobId, 300, 50)).toEqual({
      state: 'held',
      jobId,
      queue: { enabled: true, reasons: ['media-empty-error'] },
    });
    await spool.setState({ enabled: true, reasons: [] });
    expect(await queue.waitForJob(jobId, 2000, 50)).toEqual({ state: 'completed', jobId });
  });

  it('says plainly when the queue does not exist or CUPS is missing', async () => {
    const { spool } = await simulatedQueue();
    await expect(new CupsQueue('No_Such_Queue', spool.commands()).submit(Buffer.from('%PDF-'), 't')).rejects.toThrow(
      'The printer or class does not exist',
    );
    await expect(new CupsQueue('Q', { lp: ['/nonexistent/lp'], lpstat: ['/nonexistent/lpstat'] }).state()).rejects.toThrow(
      '/nonexistent/lpstat not found: is CUPS installed?',
    );
  });
});

describe('the document printer device on its simulator', () => {
  /** The device on a spool folder of its own, connected. */
  async function connectedSimulator() {
    const { DocumentPrinterDevice } = await import('../../main/devices/documentPrinterDevice.js');
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'onewindow-spool-test-')), 'spool');
    dirs.push(path.dirname(dir));
    const device = new DocumentPrinterDevice({ port: 'simulator' }, 'K-01', dir);
    await device.connect();
    return { device, dir };
  }

  it('keeps its spool folder, and a job held in it, across a reconnect after a missed health check; removes it when done', async () => {
    const { releaseDevice } = await import('../../main/devices/managedDevice.js');
    const { device, dir } = await connectedSimulator();
    await device.spool!.setState({ enabled: true, reasons: ['media-empty-error'] });
    const held = await device.print(await testPagePdf('K-01', new Date()), 'Certificate', 10_000);
    expect(held).toMatchObject({ state: 'held' });
    // What the device manager does when a check throws: disconnect, then connect again.
    await device.disconnect();
    await device.connect();
    expect(await device.check()).toEqual({ state: 'fault', detail: 'paper_out' });
    await device.spool!.setState({ enabled: true, reasons: [] });
    expect((await device.spool!.jobs()).map((job) => [job.id, job.state])).toEqual([[held.jobId, 'completed']]);
    await releaseDevice(device);
    await expect(stat(dir)).rejects.toThrow(/ENOENT/);
  });

  it('finishes a job it was sending when a missed health check disconnects it', async () => {
    const { releaseDevice } = await import('../../main/devices/managedDevice.js');
    const { device } = await connectedSimulator();
    const printing = device.print(await testPagePdf('K-01', new Date()), 'Certificate', 10_000);
    await device.disconnect();
    expect(await printing).toMatchObject({ state: 'completed' });
    await releaseDevice(device);
  });
});

describe('receipt printer behind an OS queue (printer:NAME), printed raw', () => {
  it('prints the ESC/POS test page through lp -o raw and reads its condition from the queue', async () => {
    const { ReceiptPrinterDevice } = await import('../../main/devices/receiptPrinterDevice.js');
    const { EscPosDecoder } = await import('../../drivers/receipt-printer/escposDecoder.js');
    const { spool } = await simulatedQueue();
    const device = new ReceiptPrinterDevice({ port: 'printer:Hall_A4', model: 'epson', baudRate: 9600 }, 'K-01', spool.commands());
    await device.connect();
    expect(await device.check()).toEqual({ state: 'ready', detail: null });
    expect(await device.test()).toEqual({ ok: true, code: 'printed', detail: '', message: 'printed a test page' });
    const [job] = await spool.jobs();
    const decoder = new EscPosDecoder();
    const lines = decoder.push(await spool.documentOf(job!.id)).flatMap((event) => (event.kind === 'line' ? [event.line.text] : []));
    expect(lines).toContain('OneWindow 测试页 Test page');

    await spool.setState({ enabled: true, reasons: ['media-empty-error'] });
    expect(await device.check()).toEqual({ state: 'fault', detail: 'paper_out' });
    expect(await device.test()).toEqual({ ok: false, code: 'paper-out', detail: '', message: 'not printed (refused: paper out)' });
    await device.disconnect();
  });
});
