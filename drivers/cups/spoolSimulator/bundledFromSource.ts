import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/**
 * The lp/lpstat look-alikes as plain JavaScript when this code runs from its
 * TypeScript source (tests, `tsx`): starting `node --import tsx` costs about
 * half a second per call, and a certificate makes three calls. They are
 * bundled once with esbuild (tsx's own compiler, a development dependency;
 * a build runs the compiled .js beside it and never comes here) into a
 * folder named by the sources' hash, so an edited source is bundled again.
 * Looked up once per process: every spool folder asks for the same scripts.
 */
export function bundledFromSource(here: string, names: readonly string[]): Record<string, string> {
  const key = `${here}\n${names.join(',')}`;
  let found = bundled.get(key);
  if (!found) bundled.set(key, (found = bundle(here, names)));
  return found;
}

const bundled = new Map<string, Record<string, string>>();

function bundle(here: string, names: readonly string[]): Record<string, string> {
  const sources = ['spoolFolder', ...names].map((name) => readFileSync(path.join(here, `${name}.ts`)));
  const hash = createHash('sha256');
  for (const source of sources) hash.update(source);
  const folder = path.join(os.tmpdir(), `onewindow-spool-tools-${hash.digest('hex').slice(0, 16)}`);
  const out = Object.fromEntries(names.map((name) => [name, path.join(folder, `${name}.mjs`)]));
  if (names.every((name) => existsSync(out[name]!))) return out;
  mkdirSync(folder, { recursive: true });
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  for (const name of names) {
    // Written aside and renamed: test files in other workers may bundle the same look-alike at once.
    const aside = `${out[name]}.${process.pid}`;
    esbuild.buildSync({
      entryPoints: [path.join(here, `${name}.ts`)],
      outfile: aside,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
    });
    renameSync(aside, out[name]!);
  }
  return out;
}
