import { isIPv6 } from 'node:net';

/**
 * Where a device is reached, as a terminal's configuration writes it
 * ("tcp://192.0.2.10:9100", "serial:/dev/ttyUSB0", "hid:0400:c35a", …).
 * The one grammar of these strings: the config schema checks with it and
 * every device class opens what it parses. Pure.
 */
export type DeviceAddress =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'serial'; path: string }
  | { kind: 'hid'; vendorId: number; productId: number }
  /** A receipt printer behind an OS (CUPS) queue, printed raw. */
  | { kind: 'printer'; queue: string }
  /** A document printer's CUPS queue. */
  | { kind: 'cups'; queue: string }
  /** The spool folder of a running document printer simulator. */
  | { kind: 'spool'; directory: string }
  | { kind: 'simulator' }
  /** A scanner that types into the screen: the host drives nothing. */
  | { kind: 'keyboard-wedge' };

export type DeviceAddressKind = DeviceAddress['kind'];

/** How each form is written, for messages. */
export const addressShapes: Record<DeviceAddressKind, string> = {
  tcp: 'tcp://host:port',
  serial: 'serial:/dev/PATH',
  hid: 'hid:VID:PID',
  printer: 'printer:NAME',
  cups: 'cups:QUEUE',
  spool: "spool:/PATH (a simulator's spool folder)",
  simulator: '"simulator"',
  'keyboard-wedge': '"keyboard-wedge"',
};

/** A host name of RFC 1123 labels (an IPv4 address is one too), or an IPv6 address in brackets. */
const hostName = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
/** 1–65535, without leading zeros, so an address prints back as it was written. */
const portNumber = /^(?:[1-9]\d{0,4})$/;
/** lpadmin's rule for a queue name: up to 127 printable characters, none of them a space or / \ ? ' " #. */
const queueName = /^[^\p{Cc}\s/\\?'"#]{1,127}$/u;
const hex4 = /^[0-9a-fA-F]{4}$/;

function parseTcp(rest: string): DeviceAddress | null {
  const colon = rest.lastIndexOf(':');
  if (colon < 0) return null;
  const host = rest.slice(0, colon);
  const port = rest.slice(colon + 1);
  if (!portNumber.test(port) || Number(port) > 65535) return null;
  if (host.startsWith('[') && host.endsWith(']')) {
    const ip = host.slice(1, -1);
    return isIPv6(ip) ? { kind: 'tcp', host: ip, port: Number(port) } : null;
  }
  return hostName.test(host) ? { kind: 'tcp', host, port: Number(port) } : null;
}

/** Reads "VID:PID" in hex, as lsusb prints it. */
export function parseVidPid(text: string): { vendorId: number; productId: number } | null {
  const [vendor, product, ...more] = text.split(':');
  if (more.length > 0 || !hex4.test(vendor ?? '') || !hex4.test(product ?? '')) return null;
  return { vendorId: parseInt(vendor!, 16), productId: parseInt(product!, 16) };
}

/** Any address form, or null when the text is none of them. */
function parseAny(text: string): DeviceAddress | null {
  if (text === 'simulator' || text === 'keyboard-wedge') return { kind: text };
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const scheme = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  switch (scheme) {
    case 'tcp':
      return rest.startsWith('//') ? parseTcp(rest.slice(2)) : null;
    case 'serial':
      return rest.startsWith('/') && rest.length > 1 ? { kind: 'serial', path: rest } : null;
    case 'spool':
      return rest.startsWith('/') && rest.length > 1 ? { kind: 'spool', directory: rest } : null;
    case 'hid': {
      const ids = parseVidPid(rest);
      return ids ? { kind: 'hid', ...ids } : null;
    }
    case 'printer':
    case 'cups':
      return queueName.test(rest) ? { kind: scheme, queue: rest } : null;
    default:
      return null;
  }
}

export type ParsedAddress<K extends DeviceAddressKind> =
  { ok: true; address: Extract<DeviceAddress, { kind: K }> } | { ok: false; expected: string };

/**
 * Parses `text` as one of the forms a device accepts. On failure `expected`
 * lists those forms, e.g. `tcp://host:port, serial:/dev/PATH or "simulator"`.
 */
export function parseDeviceAddress<K extends DeviceAddressKind>(text: string, accepted: readonly K[]): ParsedAddress<K> {
  const address = parseAny(text);
  if (address && (accepted as readonly DeviceAddressKind[]).includes(address.kind)) {
    return { ok: true, address: address as Extract<DeviceAddress, { kind: K }> };
  }
  const shapes = accepted.map((kind) => addressShapes[kind]);
  return { ok: false, expected: shapes.length > 1 ? `${shapes.slice(0, -1).join(', ')} or ${shapes.at(-1)}` : shapes.join('') };
}

/** Like parseDeviceAddress, for a device class given a binding the schema has checked: a bad one is a programming error. */
export function deviceAddressOf<K extends DeviceAddressKind>(text: string, accepted: readonly K[]): Extract<DeviceAddress, { kind: K }> {
  const parsed = parseDeviceAddress(text, accepted);
  if (!parsed.ok) throw new Error(`not a device address here: "${text}" (expected ${parsed.expected})`);
  return parsed.address;
}

const hex = (value: number) => value.toString(16).padStart(4, '0');

/** The address as a configuration writes it; parseDeviceAddress reads it back to the same value. */
export function formatDeviceAddress(address: DeviceAddress): string {
  switch (address.kind) {
    case 'tcp':
      return `tcp://${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
    case 'serial':
      return `serial:${address.path}`;
    case 'hid':
      return `hid:${hex(address.vendorId)}:${hex(address.productId)}`;
    case 'printer':
    case 'cups':
      return `${address.kind}:${address.queue}`;
    case 'spool':
      return `spool:${address.directory}`;
    case 'simulator':
    case 'keyboard-wedge':
      return address.kind;
  }
}

/** Which forms each device role accepts. */
export const addressKindsOf = {
  idCardReader: ['serial', 'hid', 'simulator'],
  scanner: ['hid', 'keyboard-wedge', 'simulator'],
  receiptPrinter: ['tcp', 'serial', 'printer', 'simulator'],
  documentPrinter: ['cups', 'spool', 'simulator'],
  ledDisplay: ['serial', 'simulator'],
} as const satisfies Record<string, readonly DeviceAddressKind[]>;
