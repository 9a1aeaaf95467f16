import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../kiosk-config/paths.js';
import { rpcErrorCodeSchema } from '../../main/contract/errors.js';
import { citizenReasonSchema } from '../../main/contract/citizenServices.js';
import { pauseReasonSchema, queueRefusalCodeSchema, ratingSchema } from '../../main/contract/queue.js';
import { deviceDetailSchema, deviceRoleSchema, deviceStateSchema } from '../../main/contract/status.js';
import { deviceFindingSchema } from '../../main/contract/setupWizard.js';
import { deviceTestCodeSchema } from '../../main/contract/deviceTest.js';

function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

async function rendererSources(dir = path.join(packageRoot, 'renderer')): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return rendererSources(full);
      return Promise.resolve(/\.tsx?$/.test(entry.name) ? [full] : []);
    }),
  );
  return nested.flat();
}

async function readLocale(name: string): Promise<object> {
  return JSON.parse(await readFile(path.join(packageRoot, 'renderer', 'i18n', `${name}.json`), 'utf8')) as object;
}

const zhCN = await readLocale('zh-CN');
const en = await readLocale('en');

describe('i18n resources', () => {
  const zhKeys = keysOf(zhCN).sort();

  it('has the same keys in zh-CN and en', () => {
    expect(keysOf(en).sort()).toEqual(zhKeys);
  });

  it('has every literal key the components use', async () => {
    const used = new Set<string>();
    for (const file of await rendererSources()) {
      const source = await readFile(file, 'utf8');
      for (const match of source.matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    // A key called with { count } is found by i18next under its plural forms (key_other, …).
    expect([...used].filter((key) => !zhKeys.includes(key) && !zhKeys.includes(`${key}_other`))).toEqual([]);
  });

  it('translates every error code, device role, device state, discovery finding and device-test outcome the contract can send', () => {
    const needed = [
      ...rpcErrorCodeSchema.options.map((code) => `errors.${code}`),
      ...deviceRoleSchema.options.map((role) => `status.device.${role}`),
      ...deviceStateSchema.options.map((state) => `status.state.${state}`),
      ...deviceDetailSchema.options.map((detail) => `status.detail.${detail}`),
      ...queueRefusalCodeSchema.options.map((reason) => `errors.reasons.${reason}`),
      ...citizenReasonSchema.options.map((reason) => `errors.reasons.${reason}`),
      ...pauseReasonSchema.options.map((reason) => `counter.pauseReason.${reason}`),
      ...ratingSchema.shape.reasons.element.options.map((reason) => `evaluation.reason.${reason}`),
      ...deviceFindingSchema.shape.code.options.map((code) => `wizard.findings.${code}`),
      ...deviceTestCodeSchema.options.map((code) => `setup.deviceTest.${code}`),
    ];
    expect(needed.filter((key) => !zhKeys.includes(key))).toEqual([]);
  });
});
