import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addressKindsOf,
  formatDeviceAddress,
  parseDeviceAddress,
  type DeviceAddress,
  type DeviceAddressKind,
} from '../../../drivers/deviceAddress.js';
import { deviceBindingsSchema } from '../../../kiosk-config/terminalConfigSchema.js';

const allKinds: DeviceAddressKind[] = ['tcp', 'serial', 'hid', 'printer', 'cups', 'spool', 'simulator', 'keyboard-wedge'];

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const hostArbitrary = fc.oneof(
  fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.')),
  fc.ipV4(),
  fc.ipV6(),
);
const pathArbitrary = fc
  .array(fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/), { minLength: 1, maxLength: 4 })
  .map((parts) => `/${parts.join('/')}`);
const queueArbitrary = fc.stringMatching(/^[A-Za-z0-9_.@-]{1,40}$/);
const hex4 = fc.integer({ min: 0, max: 0xffff });

const addressArbitrary: fc.Arbitrary<DeviceAddress> = fc.oneof(
  fc.record({ kind: fc.constant('tcp' as const), host: hostArbitrary, port: fc.integer({ min: 1, max: 65535 }) }),
  fc.record({ kind: fc.constant('serial' as const), path: pathArbitrary }),
  fc.record({ kind: fc.constant('hid' as const), vendorId: hex4, productId: hex4 }),
  fc.record({ kind: fc.constant('printer' as const), queue: queueArbitrary }),
  fc.record({ kind: fc.constant('cups' as const), queue: queueArbitrary }),
  fc.record({ kind: fc.constant('spool' as const), directory: pathArbitrary }),
  fc.constant({ kind: 'simulator' as const }),
  fc.constant({ kind: 'keyboard-wedge' as const }),
);

describe('device addresses: one grammar', () => {
  it('reads back every address it writes, and writes back every address it reads', () => {
    fc.assert(
      fc.property(addressArbitrary, (address) => {
        const text = formatDeviceAddress(address);
        const parsed = parseDeviceAddress(text, allKinds);
        expect(parsed).toEqual({ ok: true, address });
        if (parsed.ok) expect(formatDeviceAddress(parsed.address)).toBe(text);
      }),
    );
  });

  it('reads the forms of the README', () => {
    expect(parseDeviceAddress('tcp://192.0.2.10:9100', allKinds)).toEqual({
      ok: true,
      address: { kind: 'tcp', host: '192.0.2.10', port: 9100 },
    });
    expect(parseDeviceAddress('tcp://[fe80::1]:9100', allKinds)).toEqual({
      ok: true,
      address: { kind: 'tcp', host: 'fe80::1', port: 9100 },
    });
    expect(parseDeviceAddress('serial:/dev/ttyUSB0', allKinds)).toEqual({ ok: true, address: { kind: 'serial', path: '/dev/ttyUSB0' } });
    expect(parseDeviceAddress('hid:0400:C35A', allKinds)).toEqual({
      ok: true,
      address: { kind: 'hid', vendorId: 0x0400, productId: 0xc35a },
    });
    expect(parseDeviceAddress('printer:EPSON_TM-T88VI', allKinds)).toEqual({
      ok: true,
      address: { kind: 'printer', queue: 'EPSON_TM-T88VI' },
    });
    expect(parseDeviceAddress('cups:Hall_A4', allKinds)).toEqual({ ok: true, address: { kind: 'cups', queue: 'Hall_A4' } });
    expect(parseDeviceAddress('spool:/tmp/spool', allKinds)).toEqual({ ok: true, address: { kind: 'spool', directory: '/tmp/spool' } });
    expect(parseDeviceAddress('keyboard-wedge', allKinds)).toEqual({ ok: true, address: { kind: 'keyboard-wedge' } });
  });

  it('refuses the bad forms, saying which forms it expected', () => {
    const bad = [
      'lpt1',
      '',
      'tcp://printer:99999',
      'tcp://printer:0',
      'tcp://printer:09100',
      'tcp://printer',
      'tcp://:9100',
      'tcp://print_er:9100',
      'tcp://-printer:9100',
      'tcp://[not-ipv6]:9100',
      'tcp:printer:9100',
      'serial:ttyUSB0',
      'serial:/',
      'hid:400:c35a',
      'hid:0400:c35a:01',
      'hid:0400-c35a',
      'printer:',
      'printer:two words',
      'cups:a/b',
      'cups:#1',
      `cups:${'q'.repeat(128)}`,
      'spool:relative/dir',
      'Simulator',
      'usb:0400:c35a',
    ];
    for (const text of bad) {
      expect(parseDeviceAddress(text, allKinds).ok, text).toBe(false);
    }
    expect(parseDeviceAddress('lpt1', addressKindsOf.receiptPrinter)).toEqual({
      ok: false,
      expected: 'tcp://host:port, serial:/dev/PATH, printer:NAME or "simulator"',
    });
  });

  it('refuses a good address of a form the device does not speak', () => {
    expect(parseDeviceAddress('tcp://192.0.2.10:9100', addressKindsOf.ledDisplay)).toEqual({
      ok: false,
      expected: 'serial:/dev/PATH or "simulator"',
    });
    expect(parseDeviceAddress('keyboard-wedge', addressKindsOf.idCardReader).ok).toBe(false);
  });

  it('is the grammar the configuration checks: it accepts exactly what the parser reads, per role', () => {
    fc.assert(
      fc.property(
        addressArbitrary,
        fc.constantFrom(...(Object.keys(addressKindsOf) as (keyof typeof addressKindsOf)[])),
        (address, role) => {
          const port = formatDeviceAddress(address);
          const binding = role === 'ledDisplay' ? { port, address: 1 } : { port };
          const accepted = deviceBindingsSchema.safeParse({ [role]: binding }).success;
          expect(accepted).toBe((addressKindsOf[role] as readonly string[]).includes(address.kind));
        },
      ),
    );
    for (const port of ['tcp://printer:99999', 'tcp://printer:0', 'hid:0400:c35a:01', 'printer:two words', 'cups:a/b']) {
      const role = port.startsWith('cups') ? 'documentPrinter' : port.startsWith('hid') ? 'scanner' : 'receiptPrinter';
      const result = deviceBindingsSchema.safeParse({ [role]: { port } });
      expect(result.success, port).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual([role, 'port']);
    }
  });
});
