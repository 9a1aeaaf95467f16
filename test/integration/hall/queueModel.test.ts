import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readHallQueue } from '../../../hall-config/readHallQueue.js';
import type { HallQueue } from '../../../main/contract/hallQueue.js';
import { pauseReasonSchema, type CounterAction } from '../../../main/contract/queue.js';
import { HallClient } from '../../../main/sync/hallClient.js';
import { hallBackends, startLoopbackHall, type LoopbackHall } from '../../support/hallOnLoopback.js';
import { QueueModel, type Expected } from '../../support/queueModel.js';
import { freshRun, outcome, verifyPublished, verifyStored, type RealHall } from '../../support/queueModelHall.js';

/**
 * A model-based test of the hall's queue: fast-check draws sequences of what
 * kiosks and counters do (issue, call, recall, skip, transfer, pause, resume,
 * finish, two of them at once, and the business day turning over), sends them
 * to a real hall on loopback through its signed HTTP API, and checks against
 * a plain model (test/support/queueModel.ts) every answer and refusal (with its
 * code), the whole queue as stored after every step, and the queue as a
 * display pulls it at the end of every run. Time is the test's: the hall's
 * clock and the terminals' signing clock read one virtual instant, moved by
 * each command.
 *
 * A failure prints its seed, path and shrunk command list (with its
 * replayPath); each run starts on a fresh business day with every window
 * free, so the shrunk case replays alone: ONEWINDOW_QUEUE_MODEL_SEED=<seed>
 * ONEWINDOW_QUEUE_MODEL_PATH=<path> ONEWINDOW_QUEUE_MODEL_REPLAY=<replayPath>.
 * ONEWINDOW_QUEUE_MODEL_RUNS=<n> runs longer.
 */

const minute = 60_000;
const windows = [1, 2, 3];

/** Three services, one with a tiny daily range (numbers run out), windows sharing services, a skip after one recall. */
async function modelHallQueue(): Promise<HallQueue> {
  const demo = await readHallQueue();
  const service = (code: string, last: number) => ({ ...demo.services[0]!, code, numbers: { first: 1, last }, usualServiceMinutes: 5 });
  return {
    ...demo,
    recallsBeforeSkip: 1,
    services: [service('A', 799), service('B', 799), service('C', 3)],
    windows: [
      { window: 1, services: ['A', 'B'] },
      { window: 2, services: ['B', 'C'] },
      { window: 3, services: ['C'] },
    ],
  };
}

type Command = fc.AsyncCommand<QueueModel, RealHall>;

const shortTime = (ms: number) => (ms >= minute ? `${ms / minute}min` : ms >= 1000 ? `${ms / 1000}s` : `${ms}ms`);

/** One step: the clock moves, then `perform` acts on the hall and checks its answers; then the whole queue is checked. */
function step(
  label: string,
  advanceMs: number,
  perform: (model: QueueModel, real: RealHall) => Promise<void>,
  check = (_model: Readonly<QueueModel>) => true,
): Command {
  return {
    check,
    run: async (model, real) => {
      model.advance(advanceMs);
      real.clock.ms = model.now;
      await perform(model, real);
      await verifyStored(model, real);
    },
    toString: () => `${label} @+${shortTime(advanceMs)}`,
  };
}

const issueSpec = fc.record({
  kiosk: fc.integer({ min: 0, max: 1 }),
  service: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('A', 'B', 'C', 'C') }, { weight: 1, arbitrary: fc.constant('Z') }),
  priority: fc.constantFrom(null, 'senior', 'disability'),
  /** Minutes from now; 0 is due at once. */
  appointment: fc.option(fc.constantFrom(-30, -5, 0, 2, 10, 45), { nil: null }),
});

const action: fc.Arbitrary<CounterAction> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ action: 'call-next' as const }) },
  { weight: 2, arbitrary: fc.constant({ action: 'recall' as const }) },
  { weight: 2, arbitrary: fc.constant({ action: 'skip' as const }) },
  { weight: 2, arbitrary: fc.constant({ action: 'finish' as const }) },
  { weight: 2, arbitrary: fc.constantFrom('A', 'B', 'C', 'Z').map((service) => ({ action: 'transfer' as const, to: { service } })) },
  { weight: 3, arbitrary: fc.constantFrom(1, 2, 3, 3, 9).map((window) => ({ action: 'transfer' as const, to: { window } })) },
  { weight: 1, arbitrary: fc.constantFrom(...pauseReasonSchema.options).map((reason) => ({ action: 'pause' as const, reason })) },
  { weight: 1, arbitrary: fc.constant({ action: 'resume' as const }) },
);

/** What one terminal does: a kiosk issues a ticket, or a counter acts on its window. */
type Op = { issue: typeof issueSpec extends fc.Arbitrary<infer T> ? T : never } | { window: number; act: CounterAction };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: issueSpec.map((issue) => ({ issue })) },
  { weight: 3, arbitrary: fc.record({ window: fc.constantFrom(...windows), act: action }) },
);

function opText(one: Op): string {
  if ('window' in one) {
    const { act } = one;
    return `window ${one.window}: ${act.action === 'transfer' ? `transfer→${'service' in act.to ? act.to.service : `window ${act.to.window}`}` : act.action}`;
  }
  const { kiosk, service, priority, appointment } = one.issue;
  const appointmentText = appointment === null ? '' : ` appt${appointment >= 0 ? '+' : ''}${appointment}min`;
  return `K${kiosk + 1} issue(${service}${priority ? ` ${priority}` : ''}${appointmentText})`;
}

/** Sends `one` to the hall; `expected` says what the model answers to the same (the request's ticket id is made once for both). */
function prepare(one: Op, model: QueueModel, real: RealHall) {
  if ('window' in one) {
    return {
      send: () => outcome<unknown>(real.counters.get(one.window)!.counter(one.window, one.act)),
      expected: (on: QueueModel): Expected<unknown> => on.act(one.window, one.act),
    };
  }
  const { kiosk, service, priority, appointment } = one.issue;
  const sent = {
    id: ulid(),
    service,
    priority,
    appointmentAt: appointment === null ? null : new Date(model.now + appointment * minute).toISOString(),
  };
  real.requests.set(sent.id, sent);
  return { send: () => outcome<unknown>(real.kiosks[kiosk]!.issueTicket(sent)), expected: (on: QueueModel) => on.issue(sent) };
}

/**
 * Two terminals at once: the hall's answers must be those of one order or the
 * other (each change is one transaction), and the model takes that order.
 */
async function atOnce(model: QueueModel, real: RealHall, pair: [Op, Op]): Promise<void> {
  const prepared = pair.map((one) => prepare(one, model, real));
  const actual = await Promise.all(prepared.map(({ send }) => send()));
  const orders = [
    [0, 1],
    [1, 0],
  ].map((order) => {
    const copy = model.copy();
    const answers: Expected<unknown>[] = [];
    for (const index of order) answers[index] = prepared[index]!.expected(copy);
    return { copy, answers };
  });
  const matches = orders.filter(({ answers }) => isDeepStrictEqual(answers, actual));
  if (matches.length === 0) expect(actual, 'the answers of neither order (the first shown)').toEqual(orders[0]!.answers);
  model.adopt((await storedOrder(matches, real)).copy);
}

/**
 * Both orders can answer alike (a pause and a resume of one window each
 * answer "done"), so what the hall stored tells which order it took; if
 * neither, the first is kept and the step's own check reports the difference.
 */
async function storedOrder<Order extends { copy: QueueModel }>(matches: Order[], real: RealHall): Promise<Order> {
  if (matches.length === 1) return matches[0]!;
  for (const candidate of matches) {
    const stored = await verifyStored(candidate.copy, real).then(
      () => true,
      () => false,
    );
    if (stored) return candidate;
  }
  return matches[0]!;
}

const advance = fc.constantFrom(1, 1000, 30_000, 5 * minute, 20 * minute);

const commands: fc.Arbitrary<Command>[] = [
  fc.oneof(
    {
      weight: 24,
      arbitrary: fc.tuple(op, advance).map(([one, ms]) =>
        step(opText(one), ms, async (model, real) => {
          const { send, expected } = prepare(one, model, real);
          expect(await send(), opText(one)).toEqual(expected(model));
        }),
      ),
    },
    {
      weight: 4,
      arbitrary: fc
        .tuple(op, op, advance)
        // Two kiosks, or counters: the same request twice in one instant would be refused as a replay, so never twice the same act.
        .map(
          ([first, second, ms]) =>
            [
              first,
              'issue' in second ? { issue: { ...second.issue, kiosk: 1 - ('issue' in first ? first.issue.kiosk : 1) } } : second,
              ms,
            ] as const,
        )
        .filter(([first, second]) => opText(first) !== opText(second))
        .map(([first, second, ms]) =>
          step(`at once(${opText(first)} | ${opText(second)})`, ms, (model, real) => atOnce(model, real, [first, second])),
        ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.nat(40), advance).map(([pick, ms]) =>
        step(
          `retry the issue of ticket #${pick}`,
          ms,
          async (model, real) => {
            const sent = real.requests.get(model.tickets[pick % model.tickets.length]!.id)!;
            expect(await outcome(real.kiosks[0]!.issueTicket(sent)), 'a retried request').toEqual(model.issue(sent));
          },
          (model) => model.tickets.length > 0,
        ),
      ),
    },
    {
      weight: 1,
      // To the reset hour, or to the last millisecond before it (the next step then crosses it).
      arbitrary: fc.constantFrom(0, 1).map((early) => ({
        check: () => true,
        run: async (model: QueueModel, real: RealHall) => {
          model.advance(model.nextReset() - early - model.now);
          real.clock.ms = model.now;
          await verifyStored(model, real);
        },
        toString: () => (early ? 'clock to 1 ms before the reset hour' : 'the business day turns over (the reset hour)'),
      })),
    },
  ),
];

const runs = Number(process.env.ONEWINDOW_QUEUE_MODEL_RUNS ?? 15);
const maxCommands = 30;
const replay = process.env.ONEWINDOW_QUEUE_MODEL_SEED
  ? { seed: Number(process.env.ONEWINDOW_QUEUE_MODEL_SEED), path: process.env.ONEWINDOW_QUEUE_MODEL_PATH }
  : {};

describe.each(hallBackends())('the queue against its model on %s', (backend) => {
  let real: RealHall;
  let queue: HallQueue;
  beforeAll(async () => {
    queue = await modelHallQueue();
    const clock = { ms: Date.now() };
    const hall = await startLoopbackHall(backend, { queue, now: () => clock.ms });
    const client = async (id: string, binding: Parameters<LoopbackHall['enroll']>[1]) => new HallClient(await hall.enroll(id, binding));
    real = {
      hall,
      clock,
      kiosks: [await client('K-1', { role: 'kiosk' }), await client('K-2', { role: 'kiosk' })],
      counters: new Map(
        await Promise.all(windows.map(async (window) => [window, await client(`C-${window}`, { role: 'counter', window })] as const)),
      ),
      display: await client('D-1', { role: 'display' }),
      published: new Map(),
      cursor: 0,
      pulledAt: 0,
      runDay: '',
      requests: new Map(),
    };
  });
  afterAll(async () => {
    await real?.hall.close();
  });

  it('answers every step as the model does', { timeout: 60_000 + runs * 3_000 }, async () => {
    // The terminals sign with Date.now(); the hall checks the signature's time against its own (virtual) clock.
    const signing = vi.spyOn(Date, 'now').mockImplementation(() => real.clock.ms);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.commands(commands, { maxCommands, size: 'max', replayPath: process.env.ONEWINDOW_QUEUE_MODEL_REPLAY }),
          async (steps) => {
            const run = await freshRun(real, queue);
            await fc.asyncModelRun(() => run, steps);
            await verifyPublished(run.model, run.real);
          },
        ),
        { numRuns: runs, ...replay },
      );
    } finally {
      signing.mockRestore();
    }
  });
});
