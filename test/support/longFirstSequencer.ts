import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest starts the largest files first when it has no timings (a clean
 * clone, as in CI). A short file that runs a child process for a minute (the
 * soak, kill -9) then starts last and the run ends on it alone. A file that
 * says `@long-running` in its text starts before all others instead.
 */
export default class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const long = (file: TestSpecification) => (readFileSync(file.moduleId, 'utf8').includes('@long-running') ? 0 : 1);
    return sorted
      .map((file) => ({ file, rank: long(file) }))
      .sort((a, b) => a.rank - b.rank)
      .map(({ file }) => file);
  }
}
