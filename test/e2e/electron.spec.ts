import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { packageRoot, profilesDir } from '../../kiosk-config/paths.js';
import { findElectronBinary } from '../../main/cli/findBrowser.js';

const binary = findElectronBinary();
const whySkipped =
  'the Electron binary is not installed: its download is blocked on this machine, and package.json declines electron\'s install script; run "node node_modules/electron/install.js" where the network allows';

test('Electron shows the kiosk home from the in-process host', async () => {
  if (binary === null) console.log(`skipped: ${whySkipped}`);
  test.skip(binary === null, whySkipped);
  const app = await electron.launch({
    executablePath: binary!,
    args: [path.join(packageRoot, 'dist', 'main', 'electron', 'main.js'), '--config', path.join(profilesDir, 'demo-kiosk.json')],
  });
  const window = await app.firstWindow();
  await expect(window.locator('.category-tile')).toHaveCount(6);
  expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  await app.close();
});
