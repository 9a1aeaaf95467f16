import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json, found from this file whether it runs from
 * source (vitest, tsx) or from dist/. Data files (catalogue, profiles,
 * migrations, the built renderer) are read relative to it.
 */
function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'onewindow') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the onewindow package root');
    dir = parent;
  }
}

export const packageRoot = findPackageRoot();
