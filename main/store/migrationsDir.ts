import path from 'node:path';
import { packageRoot } from '../../lib/packageRoot.js';

/** The terminal's schema migrations (shipped as SQL beside the code, not compiled). */
export const migrationsDir = path.join(packageRoot, 'main', 'store', 'migrations');
