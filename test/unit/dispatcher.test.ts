import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../main/contract/errors.js';
import type { RpcHandlers } from '../../main/contract/rpc.js';
import { createDispatcher } from '../../main/transport/dispatcher.js';
import { recordingLogger } from '../support/silentLogger.js';

const info = {
  terminalId: 'K-01',
  hallId: 'hall',
  role: 'kiosk' as const,
  windowNumber: null,
  locale: 'zh-CN' as const,
  idleTimeoutSeconds: 90,
  upstream: 'embedded',
  enabledServices: [],
  announcementLanguages: ['zh-CN' as const],
  idleWarningSeconds: 15,
  hallManaged: [],
  hallConfigVersion: null,
};

const notCalledHere = async (): Promise<never> => {
  throw new Error('not called in these tests');
};

function handlers(overrides: Partial<RpcHandlers> = {}): RpcHandlers {
  return {
    'queue.overview': notCalledHere,
    'status.availability': notCalledHere,
    'queue.takeTicket': notCalledHere,
    'queue.remindByPhone': notCalledHere,
    'queue.board': notCalledHere,
    'counter.state': notCalledHere,
    'counter.act': notCalledHere,
    'citizen.readCard': notCalledHere,
    'citizen.end': notCalledHere,
    'citizen.stillHere': notCalledHere,
    'citizen.elderMode': notCalledHere,
    'evaluation.pending': notCalledHere,
    'evaluation.submit': notCalledHere,
    'voice.synthesize': notCalledHere,
    'setup.pairingCode': notCalledHere,
    'terminal.screenShown': notCalledHere,
    'devices.report': notCalledHere,
    'wizard.state': notCalledHere,
    'wizard.join': notCalledHere,
    'wizard.discover': notCalledHere,
    'wizard.test': notCalledHere,
    'wizard.finish': notCalledHere,
    'citizen.scanEid': notCalledHere,
    'citizen.consent': notCalledHere,
    'citizen.current': notCalledHere,
    'citizenServices.menu': notCalledHere,
    'certificates.print': notCalledHere,
    'lookups.run': notCalledHere,
    'lookups.print': notCalledHere,
    'appointments.services': notCalledHere,
    'appointments.slots': notCalledHere,
    'appointments.book': notCalledHere,
    'appointments.mine': notCalledHere,
    'appointments.cancel': notCalledHere,
    'appointments.reschedule': notCalledHere,
    'appointments.checkIn': notCalledHere,
    'appointments.today': notCalledHere,
    'catalogue.browse': notCalledHere,
    'convenience.options': notCalledHere,
    'convenience.submit': notCalledHere,
    'convenience.progress': notCalledHere,
    'catalogue.search': notCalledHere,
    'catalogue.item': notCalledHere,
    'catalogue.printGuide': notCalledHere,
    'help.call': notCalledHere,
    'help.mine': notCalledHere,
    'help.close': notCalledHere,
    'help.calls': notCalledHere,
    'help.acknowledge': notCalledHere,
    'terminal.info': async () => info,
    'status.get': async () => ({ hall: { state: 'offline', lastContactAt: null, backlog: 0, lastPushAt: null }, devices: [] }),
    'catalogue.categories': async () => [],
    'setup.unlock': async () => ({ setupToken: 'x'.repeat(32), expiresAt: new Date(0).toISOString() }),
    'catalogue.reload': async () => ({ categories: 1 }),
    'devices.test': async () => ({ ok: true, code: 'printed' as const, detail: '', message: 'tested' }),
    ...overrides,
  };
}

describe('dispatcher', () => {
  it('calls the handler with validated input and returns its output', async () => {
    let seen: unknown;
    const dispatch = createDispatcher(
      handlers({
        'setup.unlock': async (input) => ((seen = input), { setupToken: 't'.repeat(20), expiresAt: '2026-01-01T00:00:00.000Z' }),
      }),
      recordingLogger().logger,
    );
    const result = await dispatch('setup.unlock', { pin: '1234' });
    expect(result).toEqual({ ok: true, result: { setupToken: 't'.repeat(20), expiresAt: '2026-01-01T00:00:00.000Z' } });
    expect(seen).toEqual({ pin: '1234' });
  });

  it('treats a missing input as an empty object', async () => {
    const result = await createDispatcher(handlers(), recordingLogger().logger)('terminal.info', undefined);
    expect(result).toEqual({ ok: true, result: info });
  });

  it('refuses an unknown method, including names inherited from Object', async () => {
    const dispatch = createDispatcher(handlers(), recordingLogger().logger);
    for (const method of ['nope', 'toString', '__proto__', 'constructor']) {
      const result = await dispatch(method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('rejects invalid input before the handler runs, naming the field', async () => {
    let called = false;
    const dispatch = createDispatcher(
      handlers({ 'setup.unlock': async () => ((called = true), { setupToken: 'x'.repeat(20), expiresAt: '2026-01-01T00:00:00.000Z' }) }),
      recordingLogger().logger,
    );
    const result = await dispatch('setup.unlock', { pin: 12 });
    expect(called).toBe(false);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'pin' }] } });
    const extra = await dispatch('terminal.info', { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: '(root)' }] } });
  });

  it('passes a ServiceError through with its code', async () => {
    const dispatch = createDispatcher(
      handlers({
        'setup.unlock': async () => {
          throw new ServiceError('forbidden', 'wrong PIN');
        },
      }),
      recordingLogger().logger,
    );
    expect(await dispatch('setup.unlock', { pin: '1' })).toEqual({ ok: false, error: { code: 'forbidden', message: 'wrong PIN' } });
  });

  it('turns any other failure into `internal` without leaking the stack, and logs it', async () => {
    const { logger, lines } = recordingLogger();
    const dispatch = createDispatcher(
      handlers({
        'catalogue.categories': async () => {
          throw new Error('SQLITE_CORRUPT at /secret/path.db');
        },
      }),
      logger,
    );
    const result = await dispatch('catalogue.categories', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'catalogue.categories failed inside the terminal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(lines().some((line) => line.method === 'catalogue.categories' && line.level === 50)).toBe(true);
  });

  it('refuses output that breaks the contract', async () => {
    const { logger, lines } = recordingLogger();
    const dispatch = createDispatcher(handlers({ 'terminal.info': async () => ({ ...info, role: 'toaster' }) as never }), logger);
    expect(await dispatch('terminal.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(lines().some((line) => String(line.msg).includes('breaks the contract'))).toBe(true);
  });
});

describe('dispatcher on arbitrary input', () => {
  it('always answers with a well-formed result and never throws', async () => {
    const fc = await import('fast-check');
    const { rpcResultSchema } = await import('../../main/contract/errors.js');
    const dispatch = createDispatcher(handlers(), recordingLogger().logger);
    const methods = fc.constantFrom('terminal.info', 'status.get', 'catalogue.categories', 'setup.unlock', 'catalogue.reload', 'bogus');
    await fc.assert(
      fc.asyncProperty(methods, fc.anything(), async (method, input) => {
        const result = await dispatch(method, input);
        expect(rpcResultSchema.safeParse(result).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
