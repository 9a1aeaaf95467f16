import type { Database, Queryable } from '../../lib/sqlite/database.js';

/** A database whose statements (run, get, all, exec; inside transactions too) are counted: round trips, as the driver sees them. */
export function countingDatabase(db: Database): { db: Database; statements: () => number } {
  let count = 0;
  const wrap = <T extends Queryable>(target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        if (property === 'transaction') return (work: (tx: Queryable) => Promise<unknown>) => object.transaction((tx) => work(wrap(tx)));
        if (['run', 'get', 'all', 'exec'].includes(property as string))
          return (...args: unknown[]) => {
            count += 1;
            return (value as (...a: unknown[]) => unknown).apply(object, args);
          };
        return (value as (...a: unknown[]) => unknown).bind(object);
      },
    });
  return { db: wrap(db), statements: () => count };
}
