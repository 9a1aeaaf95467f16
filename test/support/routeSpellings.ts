/** How the route sweeps (hall and centre) spell a route's path to get past its access check. */

/** A concrete path for a route: parameters filled in. */
export const concrete = (url: string) => url.replace(/:[A-Za-z0-9_]+/g, 'x').replace(/\*$/, 'x');

const hex = (character: string) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/** The ways a client can spell a path that a server might read as the same route, each written raw. */
export function spellings(path: string, port: number): string[] {
  const spelled = new Set<string>([path]);
  for (let index = 0; index < path.length; index += 1) {
    const [before, after] = [path.slice(0, index), path.slice(index + 1)];
    spelled.add(`${before}${hex(path[index]!)}${after}`);
    spelled.add(`${before}${hex(path[index]!).toLowerCase()}${after}`);
    spelled.add(`${before}%25${hex(path[index]!).slice(1)}${after}`);
  }
  const [first, ...rest] = path.split('/').filter(Boolean);
  spelled.add(`http://127.0.0.1:${port}${path}`);
  spelled.add(`/${path}`);
  spelled.add(`/x/..${path}`);
  spelled.add(`/${first}/.${path.slice(first!.length + 1)}`);
  spelled.add(`/${first}/x/..${path.slice(first!.length + 1)}`);
  spelled.add(path.toUpperCase());
  spelled.add(`${path}/`);
  spelled.add(`${path};x=1`);
  spelled.add(`/${first};x=1/${rest.join('/')}`);
  return [...spelled];
}

/** Refused: 401/404, or 400 for a target that is no path at all (its leading "/" encoded away), which nothing routes. */
export const refused = (target: string, status: number) =>
  status === 401 || status === 404 || (status === 400 && !target.startsWith('/') && !target.startsWith('http'));

export const upgrade = {
  Upgrade: 'websocket',
  Connection: 'Upgrade',
  'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
  'Sec-WebSocket-Version': '13',
};
