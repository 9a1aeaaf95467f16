import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Integration tests run the built CLI and renderer, as a user would; say so plainly when they are missing. */
export default function requireBuild(): void {
  for (const built of ['dist/main/cli/onewindow.js', 'dist/renderer/index.html', 'dist/main/electron/preload.cjs']) {
    if (!existsSync(path.join(root, built))) {
      throw new Error(`${built} is missing: run "npm run build" first (npm test does)`);
    }
  }
}
