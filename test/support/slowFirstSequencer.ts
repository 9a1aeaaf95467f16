import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest (30 s to over a minute, measured in CI), started first. A clean clone
 * has no timings cached, so vitest orders by file size, and a small slow file started last ran
 * alone at the end of the run (the soak, the kill -9 loops): a minute of two cores mostly idle.
 * A file missing from this list only costs time, never a result.
 */
const slowFirst = [
  'test/integration/packaging.test.ts',
  'test/integration/soak.test.ts',
  'test/integration/hall/busiestDay.test.ts',
  'test/integration/cli.test.ts',
  'test/integration/hall/pullLive.test.ts',
  'test/integration/hall/killNine.test.ts',
  'test/integration/citizenServices.test.ts',
  'test/integration/hall/staffLogin.test.ts',
  'test/integration/hall/hallProcesses.test.ts',
  'test/integration/slowHallTicket.test.ts',
  'test/integration/citizenIdle.test.ts',
  'test/integration/hall/routeAccess.test.ts',
];

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = slowFirst.findIndex((slow) => file.moduleId.endsWith(slow));
      return index === -1 ? slowFirst.length : index;
    };
    return sorted
      .map((file, position) => ({ file, position }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.position - b.position)
      .map(({ file }) => file);
  }
}
