import type { Server } from 'node:net';

/** The URL a listening server answers at, for a hall given no public URL (IPv6 in brackets). */
export function listenUrlOf(server: Pick<Server, 'address'>, secure: boolean): string {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the hall server is not listening on a TCP port');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `${secure ? 'https' : 'http'}://${host}:${address.port}`;
}
