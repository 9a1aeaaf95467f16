import os from 'node:os';

const loopbackNames = ['127.0.0.1', 'localhost', '::1', '[::1]'];

export function isLoopbackListener(listenHost: string): boolean {
  return loopbackNames.includes(listenHost);
}

/** Whether a peer's address is this machine's loopback (IPv4-mapped forms too). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const plain = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

/**
 * The Host names a page may reach the bridge under. On loopback only loopback
 * names; on any other address also this machine's own addresses and name and
 * the names the operator configured: a DNS-rebinding page arrives under a
 * name of its own and is refused.
 */
export function allowedHostNames(listenHost: string, extraNames: readonly string[] = []): ReadonlySet<string> {
  if (isLoopbackListener(listenHost)) return new Set(loopbackNames);
  const addresses = ownAddresses(true).map((entry) => (entry.family === 'IPv6' ? `[${entry.address}]` : entry.address));
  const hostname = os.hostname().toLowerCase();
  return new Set([...loopbackNames, ...addresses, hostname, `${hostname}.local`, ...extraNames.map((name) => name.toLowerCase())]);
}

/** This machine's interface addresses (with loopback's when `withLoopback`). */
export function ownAddresses(withLoopback: boolean): os.NetworkInterfaceInfo[] {
  return Object.values(os.networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => withLoopback || !entry.internal);
}
