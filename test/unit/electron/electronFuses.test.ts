import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../kiosk-config/paths.js';

// js-yaml comes with electron-builder; it has no types of its own here.
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const shipped = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

/** A packaging configuration as electron-builder itself reads it: parents merged, checked against its schema. */
async function asElectronBuilderReadsIt(file: string) {
  const config = await getConfig(packageRoot, path.join(packageRoot, file), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('the Electron fuses of the packaged terminal', () => {
  it('electron-builder.yml: no run-as-node, NODE_OPTIONS or --inspect; cookies encrypted; the app only from an integrity-checked asar', async () => {
    const raw = load(await readFile(path.join(packageRoot, 'electron-builder.yml'), 'utf8')) as { electronFuses?: unknown };
    expect(raw.electronFuses).toEqual(shipped);
    expect((await asElectronBuilderReadsIt('electron-builder.yml')).electronFuses).toEqual(shipped);
  });

  it('only the test build (electron-builder.test.yml, npm run dist:test) allows --inspect, and changes nothing else', async () => {
    const test = await asElectronBuilderReadsIt('electron-builder.test.yml');
    expect(test.electronFuses).toEqual({ ...shipped, enableNodeCliInspectArguments: true });
    expect(test.directories?.output).toBe('artifacts/dist-test');
    const scripts = (JSON.parse(await readFile(path.join(packageRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts.dist).toMatch(/--config electron-builder\.yml$/);
    expect(scripts['dist:test']).toMatch(/--config electron-builder\.test\.yml$/);
  });
});
