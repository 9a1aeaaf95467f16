import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogueCategory } from '../../../main/contract/catalogue.js';
import type { RunningTerminal } from '../../../main/cli/runTerminal.js';
import { saveIdentity } from '../../../main/sync/identityStore.js';
import { ChangeLog } from '../../../upstream/sync/changeLog.js';
import { hallBackends, startLoopbackHall, type LoopbackHall } from '../../support/hallOnLoopback.js';
import { startTestTerminal } from '../../support/testTerminal.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const category = (id: string, zh: string, en: string, position: number) => ({
  id,
  name: { 'zh-CN': zh, en },
  description: { 'zh-CN': `${zh}说明`, en: `About ${en}` },
  position,
});

async function names(terminal: RunningTerminal): Promise<string[]> {
  const result = await terminal.host.dispatch('catalogue.categories', {});
  return result.ok ? (result.result as CatalogueCategory[]).map((entry) => entry.name['zh-CN']) : [];
}

describe.each(hallBackends())('pull and live channel with a hall on %s', (backend) => {
  async function setUp(): Promise<{ hall: LoopbackHall; terminal: RunningTerminal }> {
    const hall = await startLoopbackHall(backend);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-pull-'));
    await mkdir(path.join(dir, 'data'));
    await saveIdentity(path.join(dir, 'data'), await hall.enroll('K-01', { role: 'kiosk' }));
    const terminal = await startTestTerminal(dir, 'demo-kiosk', {
      upstream: hall.url,
      hallPingIntervalMs: 200,
      services: ['certificates', 'transport'],
    });
    cleanups.push(async () => {
      await terminal.stop();
      await hall.close();
      await rm(dir, { recursive: true, force: true });
    });
    return { hall, terminal };
  }

  it('applies what the hall publishes, told over the live channel, and the screens hear of it', async () => {
    const { hall, terminal } = await setUp();
    expect(await names(terminal)).toEqual(['证明打印', '交通出行']);
    const heard: unknown[] = [];
    terminal.host.events.subscribe((event, payload) => event === 'catalogue.changed' && heard.push(payload));

    // The hall's catalogue: transport renamed and moved first, certificates kept, the rest gone.
    await new ChangeLog(hall.db).publish(
      'catalogue',
      new Map([
        ['transport', category('transport', '交通与出行', 'Getting around', 0)],
        ['certificates', category('certificates', '证明打印', 'Print certificates', 1)],
      ]),
    );
    await expect.poll(() => names(terminal), { timeout: 10_000 }).toEqual(['交通与出行', '证明打印']);
    await expect.poll(() => heard).toEqual([{ categories: 2 }]);

    const reload = await terminal.host.dispatch('catalogue.reload', { setupToken: 'x'.repeat(20) });
    expect(reload).toMatchObject({ ok: false });
  });

  it('fills the gap after the hall was away', async () => {
    const { hall, terminal } = await setUp();
    const hallState = async () =>
      ((await terminal.host.dispatch('status.get', {})) as { result: { hall: { state: string } } }).result.hall.state;
    await expect.poll(hallState, { timeout: 10_000 }).toBe('online');
    await hall.stopServing();
    await new ChangeLog(hall.db).publish('catalogue', new Map([['transport', category('transport', '交通出行（新）', 'Transport', 0)]]));
    await hall.start();
    await expect.poll(() => names(terminal), { timeout: 20_000 }).toEqual(['交通出行（新）']);
  }, 30_000);

  it('pulls a large scope page by page', async () => {
    const { hall, terminal } = await setUp();
    const many = new Map(
      Array.from({ length: 2500 }, (_, index) => {
        const id = `item-${String(index).padStart(4, '0')}`;
        return [id, category(id, `事项${index}`, `Item ${index}`, index)] as const;
      }),
    );
    many.set('certificates', category('certificates', '证明打印', 'Print certificates', 2500));
    const changes = new ChangeLog(hall.db);
    await changes.publish('catalogue', many);
    expect((await changes.changesSince('catalogue', 0)).more).toBe(true);
    // Recorded in chunks of rows per statement: every change has its own number, in the order published.
    const recorded: { seq: number; key: string }[] = [];
    for (let cursor = 0, more = true; more;) {
      const page = await changes.changesSince('catalogue', cursor);
      recorded.push(...page.items.map((item) => ({ seq: item.seq, key: item.key })));
      [cursor, more] = [page.cursor, page.more];
    }
    const published = recorded.filter((change) => many.has(change.key) && change.key !== 'certificates').slice(-2500);
    expect(published.map((change) => change.key)).toEqual([...many.keys()].filter((key) => key !== 'certificates'));
    expect(published.every((change, index) => index === 0 || change.seq === published[index - 1]!.seq + 1)).toBe(true);
    await expect.poll(() => names(terminal), { timeout: 20_000 }).toEqual(['证明打印']);
    const stored = await terminal.host.dispatch('catalogue.categories', {});
    expect(stored.ok).toBe(true);
  }, 30_000);

  it('takes settings the hall changes while it runs, its own over the hall-wide ones', async () => {
    const { hall, terminal } = await setUp();
    const heard: string[] = [];
    terminal.host.events.subscribe((event) => heard.push(event));
    const info = async () =>
      (
        (await terminal.host.dispatch('terminal.info', {})) as {
          result: { idleTimeoutSeconds: number; locale: string; enabledServices: string[] };
        }
      ).result;
    const changes = new ChangeLog(hall.db);
    await changes.set('config', '*', { idleTimeoutSeconds: 60, locale: 'en' });
    await changes.set('config', 'K-01', { idleTimeoutSeconds: 45, services: ['transport'] });
    await changes.set('config', 'K-99', { idleTimeoutSeconds: 999 });
    await expect.poll(info, { timeout: 10_000 }).toMatchObject({ idleTimeoutSeconds: 45, locale: 'en', enabledServices: ['transport'] });
    expect(await names(terminal)).toEqual(['交通出行']);
    await expect.poll(() => heard).toContain('terminal.changed');
    await changes.set('config', 'K-01', null);
    await expect.poll(info, { timeout: 10_000 }).toMatchObject({ idleTimeoutSeconds: 60, enabledServices: ['certificates', 'transport'] });
  });
});
