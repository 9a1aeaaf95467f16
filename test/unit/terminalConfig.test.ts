import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogueCategories } from '../../kiosk-config/catalogueData.js';
import { loadTerminalConfig } from '../../kiosk-config/loadTerminalConfig.js';
import { defaultCatalogueDir, profilesDir } from '../../kiosk-config/paths.js';
import { DataFileError, parseDataText } from '../../kiosk-config/readDataFile.js';
import { servicesProblems } from '../../kiosk-config/servicesProblems.js';
import { terminalConfigSchema } from '../../kiosk-config/terminalConfigSchema.js';
import { terminalConfigJsonSchema } from '../../kiosk-config/writeJsonSchema.js';

const base = { terminalId: 'K-01', hallId: 'hall-1', role: 'kiosk', upstream: 'embedded' };

function problemsOf(config: unknown): string[] {
  try {
    parseDataText('t.json', JSON.stringify(config), terminalConfigSchema);
    return [];
  } catch (error) {
    if (error instanceof DataFileError) return error.problems;
    throw error;
  }
}

describe('terminal configuration', () => {
  it('accepts every demo profile, and each enables only catalogue categories', async () => {
    const ids = (await readCatalogueCategories(defaultCatalogueDir)).map((category) => category.id);
    const profiles = (await readdir(profilesDir)).filter((name) => name.endsWith('.json'));
    expect(profiles.sort()).toEqual(['demo-counter.json', 'demo-display.json', 'demo-kiosk.json']);
    for (const profile of profiles) {
      const { config } = await loadTerminalConfig(path.join(profilesDir, profile));
      expect(servicesProblems(config, ids)).toEqual([]);
    }
  });

  it('fills defaults: zh-CN first, an idle timeout, no devices', () => {
    const config = terminalConfigSchema.parse(base);
    expect(config).toMatchObject({ locale: 'zh-CN', idleTimeoutSeconds: 90, devices: {}, services: [] });
  });

  it('refuses a setup PIN of fewer than 6 digits, naming the field', () => {
    expect(problemsOf({ ...base, setup: { pin: '2468' } })).toEqual(['setup.pin: expected 6–12 digits, got "2468"']);
    expect(problemsOf({ ...base, setup: { pin: '246813' } })).toEqual([]);
  });

  it('names the bad field, what it expects and what it got', () => {
    expect(problemsOf({ ...base, devices: { receiptPrinter: { port: 'lpt1' } } })).toEqual([
      'devices.receiptPrinter.port: expected tcp://host:port, serial:/dev/PATH, printer:NAME or "simulator", got "lpt1"',
    ]);
    expect(problemsOf({ ...base, idleTimeoutSeconds: 5 })).toEqual([expect.stringMatching(/^idleTimeoutSeconds: .*>=15.*, got 5$/)]);
    expect(problemsOf({ ...base, role: 'toaster' })).toEqual([expect.stringMatching(/^role: .*"kiosk".*got "toaster"$/)]);
    expect(problemsOf({ ...base, upstream: 'ftp://hall' })).toEqual([
      'upstream: expected "embedded" or an http(s):// URL of the hall server, got "ftp://hall"',
    ]);
    expect(problemsOf({ ...base, colour: 'red' })).toEqual(['(root): Unrecognized key: "colour"']);
    expect(problemsOf({ ...base, devices: { ledDisplay: { port: 'serial:/dev/ttyUSB0' } } })).toEqual([
      expect.stringMatching(/^devices\.ledDisplay\.address: /),
    ]);
  });

  it('requires a window number for a counter and refuses one elsewhere', () => {
    expect(problemsOf({ ...base, role: 'counter' })).toEqual(['windowNumber: required when role is "counter"']);
    expect(problemsOf({ ...base, role: 'counter', windowNumber: 3 })).toEqual([]);
    expect(problemsOf({ ...base, windowNumber: 3 })).toEqual([
      'windowNumber: only a counter has a window number, this terminal is a kiosk',
    ]);
  });

  it('accepts each device address form', () => {
    const devices = {
      idCardReader: { port: 'hid:0400:c35a' },
      scanner: { port: 'keyboard-wedge' },
      receiptPrinter: { port: 'tcp://192.0.2.10:9100', model: 'star' },
      documentPrinter: { port: 'cups:Hall_A4' },
      ledDisplay: { port: 'serial:/dev/ttyUSB0', address: 3 },
    };
    expect(problemsOf({ ...base, devices })).toEqual([]);
  });

  it('reports a file that is not JSON, or missing, with its path', async () => {
    expect(() => parseDataText('/etc/ow.json', '{"terminalId": ', terminalConfigSchema)).toThrow(/\/etc\/ow.json:\n {2}not valid JSON/);
    await expect(loadTerminalConfig('/nonexistent/ow.json')).rejects.toThrow(/ow.json:\n {2}file not found/);
  });

  it('flags enabled services that the catalogue does not have', () => {
    const config = terminalConfigSchema.parse({ ...base, services: ['certificates', 'bakery'] });
    expect(servicesProblems(config, ['certificates', 'transport'])).toEqual([
      'services[1]: "bakery" is not a category of the catalogue (known: certificates, transport)',
    ]);
  });

  it('generates a JSON Schema that editors can use', () => {
    const schema = terminalConfigJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['terminalId', 'role', 'devices', 'upstream']));
    expect(schema.required).toEqual(expect.arrayContaining(['terminalId', 'hallId', 'role', 'upstream']));
  });
});
