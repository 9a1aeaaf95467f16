import { afterEach, describe, expect, it } from 'vitest';
import { LedDisplay } from '../../drivers/led-display/ledDisplay.js';
import { encodeLedFrame, ledCommands, nakReasons } from '../../drivers/led-display/ledFrame.js';
import { LedDisplaySimulator } from '../../drivers/led-display/ledSimulator.js';
import { openSerialBytePort } from '../../drivers/serial/serialBytePort.js';
import { startPtySimulator, type PtySimulatorRig } from '../../main/devices/ptySimulatorRig.js';
import type { BytePort } from '../../drivers/serial/bytePort.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function bus(displayAddress: number): Promise<{ rig: PtySimulatorRig<LedDisplaySimulator>; port: BytePort }> {
  const rig = await startPtySimulator((port) => new LedDisplaySimulator(port, displayAddress));
  const port = await openSerialBytePort({ path: rig.devicePath, baudRate: 9600 });
  cleanups.push(async () => {
    await port.close();
    await rig.close();
  });
  return { rig, port };
}

describe('window LED display over a real pseudo-terminal', () => {
  it('shows GB18030 text, scrolls, dims and clears, each acknowledged', async () => {
    const { rig, port } = await bus(3);
    const display = new LedDisplay(port, 3);
    await display.ping();
    await display.show('请A001号到3号窗口');
    expect(rig.simulator.showing).toMatchObject({ text: '请A001号到3号窗口', scroll: false });
    await display.show('欢迎光临 政务服务中心', { scroll: true, speed: 7 });
    expect(rig.simulator.showing).toMatchObject({ text: '欢迎光临 政务服务中心', scroll: true, speed: 7 });
    await display.brightness(12);
    expect(rig.simulator.showing.brightness).toBe(12);
    await display.clear();
    expect(rig.simulator.showing.text).toBe('');
    expect(rig.simulator.history).toEqual(['请A001号到3号窗口', '欢迎光临 政务服务中心']);
    display.dispose();
  });

  it('gets no answer from a display at another address', async () => {
    const { port } = await bus(3);
    const display = new LedDisplay(port, 4, 300);
    await expect(display.show('A001')).rejects.toThrow('the LED display at address 4 did not answer within 300 ms');
    display.dispose();
  });

  it('drops an ACK that comes after its command timed out: the next command gets its own answer', async () => {
    const { rig, port } = await bus(3);
    const display = new LedDisplay(port, 3, 400);
    rig.simulator.answerNextLate(550);
    await expect(display.show('A001')).rejects.toThrow('the LED display at address 3 did not answer within 400 ms');
    // The display refuses the next one, while the late ACK of A001 is still on its way.
    rig.simulator.refuseNext(nakReasons.badData);
    await expect(display.show('A002')).rejects.toThrow('the LED display refused the command (NAK 3)');
    await display.show('A003');
    expect(rig.simulator.history).toEqual(['A001', 'A003']);
    display.dispose();
  });

  it('recovers at once from a truncated frame announcing 250 bytes', async () => {
    const { rig, port } = await bus(3);
    const display = new LedDisplay(port, 3, 400);
    await rig.simulator.sendNoise(Buffer.from([0x02, 0x03, 0x31, 250, 0x00, 0x05, 0xc7]));
    for (let index = 0; index < 10; index += 1) await display.show(`A00${index}`);
    expect(rig.simulator.history).toHaveLength(10);
    display.dispose();
  });

  it('takes only an ACK or NAK from its display as a reply', async () => {
    const { rig, port } = await bus(3);
    const display = new LedDisplay(port, 3, 1000);
    rig.simulator.answerNextLate(300);
    const shown = display.show('A001');
    await expect.poll(() => rig.simulator.history).toEqual(['A001']);
    // While the ACK is on its way: the command itself echoed back, as a two-wire RS-485 adapter does.
    await rig.simulator.sendNoise(encodeLedFrame({ address: 3, command: ledCommands.showText, data: Buffer.from([0, 5, 0x41]) }));
    await expect(shown).resolves.toBeUndefined();
    display.dispose();
  });

  it('refuses what the display cannot take before sending it', async () => {
    const { port } = await bus(3);
    const display = new LedDisplay(port, 3);
    await expect(display.brightness(40)).rejects.toThrow('brightness must be 1–16, got 40');
    await expect(display.show('长'.repeat(200))).rejects.toThrow(/text too long for the display: 400 bytes/);
    display.dispose();
  });
});
