import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFileFor, appRequestHandler } from '../../../main/electron/appProtocol.js';
import { contentSecurityPolicy } from '../../../main/electron/contentSecurityPolicy.js';

let dir: string;
let root: string;
const csp = contentSecurityPolicy('https://hall.example:7400/');

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-app-protocol-'));
  root = path.join(dir, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>OneWindow</title>');
  await writeFile(path.join(root, 'assets', 'index.js'), 'export {};');
  await writeFile(path.join(dir, 'secret.txt'), 'outside the app');
  await symlink(path.join(dir, 'secret.txt'), path.join(root, 'assets', 'leak.js'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const get = (url: string) => appRequestHandler(root, csp)(new Request(url));

describe('the app:// protocol', () => {
  it('serves the renderer files with their type and the CSP header', async () => {
    const page = await get('app://terminal/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(csp);
    expect(await page.text()).toContain('<title>OneWindow</title>');
    const script = await get('app://terminal/assets/index.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export {};');
  });

  it('refuses every way out of the renderer folder, and other hosts', async () => {
    for (const url of [
      'app://x/../../etc/passwd',
      'app://terminal/../../etc/passwd',
      'app://terminal/..%2f..%2f..%2fetc%2fpasswd',
      'app://terminal/%2e%2e/%2e%2e/secret.txt',
      'app://terminal/assets/..%2f..%2fsecret.txt',
      'app://terminal/%2fetc%2fpasswd',
      'app://terminal/assets/leak.js',
      'app://terminal/index.html%00.js',
      'app://terminal/',
      'app://terminal/missing.js',
    ]) {
      const answer = await get(url);
      expect(answer.status, url).toBe(404);
      expect(await answer.text(), url).toBe('not found');
      expect(answer.headers.get('content-security-policy'), url).toBe(csp);
    }
    expect(appFileFor(root, 'app://x/../../etc/passwd')).toBeNull();
    expect(appFileFor(root, 'app://terminal/..%2f..%2fsecret.txt')).toBeNull();
    expect(appFileFor(root, 'file:///etc/passwd')).toBeNull();
    expect(appFileFor(root, 'app://terminal/assets/index.js')).toBe(path.join(root, 'assets', 'index.js'));
  });

  it('answers nothing but GET', async () => {
    const posted = await appRequestHandler(root, csp)(new Request('app://terminal/index.html', { method: 'POST', body: 'x' }));
    expect(posted.status).toBe(404);
  });
});

describe('the Content-Security-Policy of the app in Electron', () => {
  const directives = (policy: string) =>
    new Map(policy.split('; ').map((directive) => [directive.split(' ')[0]!, directive.split(' ').slice(1)]));

  it('lets the page connect to itself and the configured hall only', () => {
    const policy = directives(csp);
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://hall.example:7400']);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    for (const directive of ['object-src', 'frame-src', 'base-uri', 'form-action', 'frame-ancestors'])
      expect(policy.get(directive), directive).toEqual(["'none'"]);
    expect(csp).not.toMatch(/\*|\bws:|\bwss:|\bhttps?:(?!\/\/hall\.example)|'unsafe-eval'/);
  });

  it('without a hall, the page connects to itself only', () => {
    expect(directives(contentSecurityPolicy(null)).get('connect-src')).toEqual(["'self'"]);
  });
});
