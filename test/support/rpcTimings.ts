import { performance } from 'node:perf_hooks';
import { percentile } from './percentile.js';

/** How long each kind of call took, by the name of the method that made it. */
export class RpcTimings {
  readonly #times = new Map<string, number[]>();

  /** `target` with each of its methods that returns a promise timed from the call to its settling. */
  timed<T extends object>(target: T): T {
    return new Proxy(target, {
      get: (object, property) => {
        const value = Reflect.get(object, property) as unknown;
        if (typeof value !== 'function' || typeof property !== 'string') return value;
        return (...args: unknown[]) => {
          const result = (value as (...args: unknown[]) => unknown).apply(object, args);
          if (!(result instanceof Promise)) return result;
          const started = performance.now();
          const record = () => this.#record(property, performance.now() - started);
          result.then(record, record);
          return result;
        };
      },
    });
  }

  /** One line per kind of call: how many, p50, p99 and the longest, in ms. */
  report(): string[] {
    return [...this.#times]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, times]) => {
        const sorted = [...times].sort((a, b) => a - b);
        return `${name} ×${sorted.length}: p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
      });
  }

  #record(name: string, ms: number): void {
    const times = this.#times.get(name);
    if (times) times.push(ms);
    else this.#times.set(name, [ms]);
  }
}
