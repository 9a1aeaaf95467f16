import { readFile } from 'node:fs/promises';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../kiosk-config/paths.js';

interface LockEntry {
  dev?: boolean;
  engines?: { node?: string } | string[];
}

/**
 * The product runs on the Node that package.json declares: every package a
 * terminal or a hall loads at run time (not the build tools) must accept the
 * lowest version of that range.
 */
describe('runtime dependencies and the declared Node', () => {
  it('every non-dev package in the lock accepts the lowest declared Node', async () => {
    const manifest = JSON.parse(await readFile(path.join(packageRoot, 'package.json'), 'utf8')) as { engines: { node: string } };
    const lowest = semver.minVersion(manifest.engines.node)!.version;
    const lock = JSON.parse(await readFile(path.join(packageRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
    const refusing = Object.entries(lock.packages)
      .filter(
        ([name, entry]) =>
          name !== '' &&
          !entry.dev &&
          !Array.isArray(entry.engines) &&
          entry.engines?.node &&
          !semver.satisfies(lowest, entry.engines.node),
      )
      .map(([name, entry]) => `${name} needs node ${(entry.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });
});
