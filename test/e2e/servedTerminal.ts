import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultCatalogueDir, packageRoot, profilesDir } from '../../kiosk-config/paths.js';
import type { Cookie, Page } from '@playwright/test';
import { startCli } from '../support/cliProcess.js';

export const screenshotDir = path.join(packageRoot, 'artifacts', 'screenshots');

export interface ServedTerminal {
  /** The launch URL `serve` printed: its one-time code lets the first browser that opens it in. */
  url: string;
  /**
   * Opens the terminal's screen (at `route`, e.g. '#/setup') in `page`: the
   * first time through the printed launch URL, as a person would; after that
   * with the cookie that browser was given, as if the same browser opened
   * another window.
   */
  open(page: Page, route?: string): Promise<void>;
  /** The terminal's own copy of the catalogue, which a test may edit. */
  catalogueFile: string;
  stop(): Promise<void>;
  /** Serves the same terminal (same config and database) again, on `port`. */
  restart(port: string): Promise<ServedTerminal>;
}

/**
 * `onewindow serve` as a technician would run it, on a copy of a demo profile
 * whose catalogue is a copy too, in a temp folder. The folder is removed on
 * stop, unless `keepDir` (a test that restarts the terminal).
 */
export interface ServeOptions {
  keepDir?: boolean;
  /** A category added to the terminal's copy of the catalogue, and offered by its config. */
  extraCategory?: { id: string; name: { 'zh-CN': string; en: string }; description: { 'zh-CN': string; en: string } };
}

export async function serveProfile(profile: string, options: ServeOptions = {}): Promise<ServedTerminal> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-e2e-'));
  await cp(defaultCatalogueDir, path.join(dir, 'catalogue'), { recursive: true });
  const config = JSON.parse(await readFile(path.join(profilesDir, `${profile}.json`), 'utf8'));
  delete config.$schema;
  if (options.extraCategory) {
    const file = path.join(dir, 'catalogue', 'categories.json');
    const catalogue = JSON.parse(await readFile(file, 'utf8'));
    catalogue.categories.push(options.extraCategory);
    await writeFile(file, JSON.stringify(catalogue, null, 2));
    config.services = [...config.services, options.extraCategory.id];
  }
  const configFile = path.join(dir, `${profile}.json`);
  await writeFile(configFile, JSON.stringify({ ...config, catalogueDir: 'catalogue', dataDir: 'data' }, null, 2));
  return launch(dir, configFile, '0', options.keepDir ?? false);
}

async function launch(dir: string, configFile: string, port: string, keepDir: boolean): Promise<ServedTerminal> {
  const serving = await startCli(['serve', '--config', configFile, '--port', port]);
  const launchUrl = new URL(serving.urls[0]!);
  let screenCookie: Cookie | undefined;
  return {
    url: launchUrl.href,
    open: async (page, route = launchUrl.hash) => {
      if (screenCookie) {
        await page.context().addCookies([screenCookie]);
        await page.goto(new URL(`/${route}`, launchUrl).href);
        return;
      }
      await page.goto(`${launchUrl.origin}${launchUrl.pathname}${launchUrl.search}${route}`);
      screenCookie = (await page.context().cookies(launchUrl.origin)).find((cookie) => cookie.name.startsWith('onewindow-screen-'));
      if (!screenCookie) throw new Error(`opening ${launchUrl.href} gave no screen cookie`);
    },
    catalogueFile: path.join(dir, 'catalogue', 'categories.json'),
    stop: async () => {
      serving.child.kill('SIGTERM');
      await serving.exited;
      if (!keepDir) await rm(dir, { recursive: true, force: true });
    },
    restart: (again) => launch(dir, configFile, again, false),
  };
}
