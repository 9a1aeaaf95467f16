import path from 'node:path';
import { packageRoot } from '../lib/packageRoot.js';

export { packageRoot };
export const kioskConfigDir = path.join(packageRoot, 'kiosk-config');
export const profilesDir = path.join(kioskConfigDir, 'profiles');
export const defaultCatalogueDir = path.join(kioskConfigDir, 'catalogue');
export const jsonSchemaPath = path.join(kioskConfigDir, 'terminal-config.schema.json');
export const catalogueItemsFile = path.join(kioskConfigDir, 'catalogue', 'items.json');
