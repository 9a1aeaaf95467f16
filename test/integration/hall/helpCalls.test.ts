import { afterEach, describe, expect, it } from 'vitest';
import type { HelpCall, KioskHelp } from '../../../main/contract/help.js';
import type { RunningTerminal } from '../../../main/cli/runTerminal.js';
import { hallBackends } from '../../support/hallOnLoopback.js';
import { startQueueHall } from '../../support/queueHall.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function call<T>(terminal: RunningTerminal, method: string, input: unknown = {}): Promise<T> {
  const answer = (await terminal.host.dispatch(method as never, input as never)) as { ok: boolean; result?: unknown; error?: unknown };
  if (!answer.ok) throw Object.assign(new Error(`${method} failed`), answer.error);
  return answer.result as T;
}

/** Waits (no clock in the assertion) until the terminal's screen would show what `ready` looks for; each event is a re-read. */
async function until<T>(read: () => Promise<T>, ready: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (ready(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(hallBackends())('help calls on %s', (backend) => {
  it('a kiosk calls for a person, every counter hears it live, one clerk acknowledges, the kiosk learns who is coming, and closing clears it', async () => {
    const queueHall = await startQueueHall(backend);
    cleanups.push(() => queueHall.close());
    const { kiosk, counter, hall } = queueHall;
    const counterEvents: string[] = [];
    const kioskEvents: string[] = [];
    counter.host.events.subscribe((event) => counterEvents.push(event));
    kiosk.host.events.subscribe((event) => kioskEvents.push(event));

    const raised = await call<KioskHelp>(kiosk, 'help.call', { screen: 'certificates' });
    expect(raised).toMatchObject({ state: 'called', call: { terminalId: 'K-01', screen: 'certificates', status: 'waiting' } });
    // Pressing again does not make a second call.
    const again = await call<KioskHelp>(kiosk, 'help.call', { screen: 'certificates' });
    expect(again.state === 'called' && raised.state === 'called' && again.call.id === raised.call.id).toBe(true);

    const heard = await until(
      () => call<{ calls: HelpCall[] }>(counter, 'help.calls'),
      ({ calls }) => calls.length > 0,
    );
    expect(heard.calls).toEqual([expect.objectContaining({ terminalId: 'K-01', screen: 'certificates', status: 'waiting' })]);
    expect(counterEvents).toContain('help.changed');

    // The operations view (staff) sees the same open call.
    const staffList = await fetch(`${hall.url}/api/v1/help/calls`, { headers: { cookie: await hall.staffCookie() } });
    expect(((await staffList.json()) as { calls: HelpCall[] }).calls.map((open) => open.terminalId)).toEqual(['K-01']);

    const acknowledged = await call<{ calls: HelpCall[] }>(counter, 'help.acknowledge', { id: heard.calls[0]!.id });
    expect(acknowledged.calls[0]).toMatchObject({ status: 'coming', acknowledgedBy: { terminalId: 'C-03', window: 3 } });
    const mine = await until(
      () => call<KioskHelp>(kiosk, 'help.mine'),
      (help) => help.state === 'called' && help.call.status === 'coming',
    );
    expect(mine).toMatchObject({ call: { acknowledgedBy: { window: 3 } } });
    expect(kioskEvents).toContain('help.changed');

    await call(kiosk, 'help.close');
    expect(await call<KioskHelp>(kiosk, 'help.mine')).toEqual({ state: 'none' });
    await until(
      () => call<{ calls: HelpCall[] }>(counter, 'help.calls'),
      ({ calls }) => calls.length === 0,
    );
    // A counter may not raise a call, nor a kiosk answer one.
    await expect(call(counter, 'help.call', { screen: 'home' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(call(kiosk, 'help.acknowledge', { id: heard.calls[0]!.id })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a kiosk whose hall cannot be reached says so instead of pretending someone was told', async () => {
    const queueHall = await startQueueHall(backend);
    cleanups.push(() => queueHall.close());
    await queueHall.hall.stopServing();
    expect(await call<KioskHelp>(queueHall.kiosk, 'help.call', { screen: 'home' })).toEqual({ state: 'unreachable' });
    await expect(call(queueHall.kiosk, 'help.call', { screen: 'Home!' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
