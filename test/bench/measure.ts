import { performance } from 'node:perf_hooks';

export { percentile } from '../support/percentile.js';

/** Runs `work` `count` times after a warm-up, returning the median time per run in milliseconds. */
export async function medianMs(count: number, work: () => Promise<unknown>): Promise<number> {
  for (let index = 0; index < Math.min(20, count); index += 1) await work();
  const times: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** One line of the bench report: a figure, its baseline, and their ratio. */
export function report(name: string, value: number, baselineName: string, baseline: number, unit = 'ms'): void {
  const ratio = value / baseline;
  console.log(`${name}: ${value.toFixed(3)} ${unit} vs ${baselineName} ${baseline.toFixed(3)} ${unit} = ${ratio.toFixed(2)}×`);
}
