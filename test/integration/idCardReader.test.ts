import { afterEach, describe, expect, it } from 'vitest';
import { CardWatcher } from '../../drivers/id-card/cardWatcher.js';
import { demoCards } from '../../drivers/id-card/demoCards.js';
import { IdCardSimulator, keptCommands } from '../../drivers/id-card/idCardSimulator.js';
import { ReaderTimeoutError, SamReader } from '../../drivers/id-card/samReader.js';
import { encodeResponse } from '../../drivers/id-card/samFrame.js';
import { SamStatusError } from '../../drivers/id-card/statusWords.js';
import type { BytePort } from '../../drivers/serial/bytePort.js';
import { openPtyPair, type PtyPair } from '../../drivers/serial/ptyPair.js';
import { openSerialBytePort } from '../../drivers/serial/serialBytePort.js';

interface Rig {
  pty: PtyPair;
  device: BytePort;
  simulatorPort: BytePort;
  simulator: IdCardSimulator;
  reader: SamReader;
}

const rigs: Rig[] = [];

/** A reader driver and a simulated reader, on the two ends of a socat pseudo-terminal pair. */
async function rig(timeoutMs = 800): Promise<Rig> {
  const pty = await openPtyPair();
  const device = await openSerialBytePort({ path: pty.devicePath, baudRate: 115200 });
  const simulatorPort = await openSerialBytePort({ path: pty.simulatorPath, baudRate: 115200 });
  const simulator = new IdCardSimulator(simulatorPort);
  const made = { pty, device, simulatorPort, simulator, reader: new SamReader(device, timeoutMs) };
  rigs.push(made);
  return made;
}

afterEach(async () => {
  for (const { reader, device, simulatorPort, simulator, pty } of rigs.splice(0)) {
    reader.dispose();
    simulator.close();
    await device.close();
    await simulatorPort.close();
    await pty.close();
  }
});

function nextReadFailure(watcher: CardWatcher): Promise<Error> {
  return new Promise((resolve) => watcher.once('read-failed', resolve));
}

describe('ID-card reader over a real pseudo-terminal', () => {
  it('the simulator keeps only its last commands, so a demo kiosk polling its reader for days does not fill its memory', async () => {
    const { reader, simulator } = await rig();
    for (let check = 0; check < keptCommands + 5; check += 1) await reader.checkSam();
    expect(simulator.received).toHaveLength(keptCommands);
  });

  it('finds, selects and reads a card: text fields and the photo bytes', async () => {
    const { reader, simulator } = await rig();
    await reader.checkSam();
    expect(await reader.readInsertedCard()).toBeNull();
    simulator.insert(demoCards.resident);
    const card = await reader.readInsertedCard();
    expect(card).toMatchObject({
      type: 'resident',
      name: '王小明',
      nation: '汉',
      idNumber: '11010519491231002X',
      idNumberValid: true,
      validTo: 'long-term',
    });
    expect(card?.photo.length).toBe(1024);
    expect(simulator.received.map((command) => [command.cmd, command.para])).toEqual([
      [0x11, 0xff],
      [0x20, 0x01],
      [0x20, 0x01],
      [0x20, 0x02],
      [0x30, 0x01],
    ]);
  });

  it('reads the other card types that share the reader', async () => {
    const { reader, simulator } = await rig();
    simulator.insert(demoCards.hkMacaoTaiwan);
    expect(await reader.readInsertedCard()).toMatchObject({ type: 'hk-macao-taiwan', passNumber: 'H12345678', idNumberValid: true });
    simulator.insert(demoCards.foreignPermanent);
    expect(await reader.readInsertedCard()).toMatchObject({ type: 'foreign-permanent', englishName: 'SAMPLE, ANNA', nationality: 'DEU' });
  });

  it('reads through line noise sent before the answer', async () => {
    const { reader, simulator } = await rig();
    simulator.insert(demoCards.resident);
    await simulator.sendNoise(Buffer.from([0x00, 0xff, 0xaa, 0x13, 0xaa, 0xaa, 0x96]));
    expect((await reader.readInsertedCard())?.name).toBe('王小明');
  });

  it('does not let a frame cut short on the line swallow the next answer', async () => {
    const { reader, simulator } = await rig(400);
    simulator.insert(demoCards.resident);
    // The first 40 bytes of a text-and-photo answer announcing 1,291 bytes.
    await simulator.sendNoise(encodeResponse({ sw1: 0, sw2: 0, sw3: 0x90, data: Buffer.alloc(1288) }).subarray(0, 40));
    expect(await reader.findCard()).toBe(true);
    expect((await reader.readInsertedCard())?.name).toBe('王小明');
  });

  it('drops an answer that comes after its command timed out: the next command gets its own', async () => {
    const { reader, simulator } = await rig(400);
    simulator.insert(demoCards.resident);
    simulator.answerNextLate(550);
    await expect(reader.findCard()).rejects.toBeInstanceOf(ReaderTimeoutError);
    simulator.remove();
    // The late answer ("card found") arrives while this command waits: it must not be taken for this one's.
    expect(await reader.findCard()).toBe(false);
    simulator.insert(demoCards.hkMacaoTaiwan);
    expect((await reader.readInsertedCard())?.name).toBe('陈示例');
  });

  it('stays in step when the late answer outlasts the next command too', async () => {
    const { reader, simulator } = await rig(400);
    simulator.insert(demoCards.resident);
    simulator.answerNextLate(1000);
    await expect(reader.findCard()).rejects.toBeInstanceOf(ReaderTimeoutError);
    simulator.remove();
    await expect(reader.findCard()).rejects.toBeInstanceOf(ReaderTimeoutError);
    // Now the late answer arrives, then the answers to both resynchronising probes, then this command's.
    expect(await reader.findCard()).toBe(false);
    expect(await reader.findCard()).toBe(false);
  });

  it('turns a select without a card into a named status error', async () => {
    const { reader } = await rig();
    const failure = await reader.selectCard().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SamStatusError);
    expect((failure as SamStatusError).status.code).toBe('select_failed');
  });

  it('emits card-inserted once per insertion and card-removed when it goes', async () => {
    const { reader, simulator } = await rig();
    const watcher = new CardWatcher(reader, 20);
    const inserted: string[] = [];
    watcher.on('card-inserted', (card) => inserted.push(card.name));
    let removed = 0;
    watcher.on('card-removed', () => (removed += 1));
    watcher.start();
    simulator.insert(demoCards.resident);
    await expect.poll(() => inserted, { timeout: 5000 }).toEqual(['王小明']);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(inserted).toEqual(['王小明']);
    simulator.remove();
    await expect.poll(() => removed, { timeout: 5000 }).toBe(1);
    simulator.insert(demoCards.hkMacaoTaiwan);
    await expect.poll(() => inserted, { timeout: 5000 }).toEqual(['王小明', '陈示例']);
    await watcher.stop();
  });

  for (const fault of ['status', 'truncate'] as const) {
    it(`reports a card pulled out mid-read (${fault}) and reads the next one`, async () => {
      const { reader, simulator } = await rig(300);
      const watcher = new CardWatcher(reader, 20);
      simulator.insert(demoCards.resident);
      simulator.pullOutDuringNextRead(fault);
      const failed = nextReadFailure(watcher);
      const inserted: string[] = [];
      watcher.on('card-inserted', (card) => inserted.push(card.name));
      watcher.start();
      const error = await failed;
      if (fault === 'status') expect((error as SamStatusError).status.code).toBe('read_failed');
      else expect(error).toBeInstanceOf(ReaderTimeoutError);
      expect(inserted).toEqual([]);
      simulator.insert(demoCards.resident);
      await expect.poll(() => inserted, { timeout: 5000 }).toEqual(['王小明']);
      await watcher.stop();
    });
  }

  it('fails plainly when the reader is unplugged (pty gone), and works again once it is back', async () => {
    const first = await rig(300);
    first.simulator.insert(demoCards.resident);
    expect(await first.reader.findCard()).toBe(true);
    await first.pty.close();
    // Depending on timing the OS reports the hang-up, the write fails, or the answer never comes: all are failures.
    await expect(first.reader.findCard()).rejects.toThrow(/did not answer|not open|closed|EIO|bad file descriptor/i);

    const second = await rig();
    second.simulator.insert(demoCards.resident);
    expect((await second.reader.readInsertedCard())?.name).toBe('王小明');
  });
});
