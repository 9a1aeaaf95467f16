import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { minimatch } from 'minimatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../kiosk-config/paths.js';

const run = promisify(execFile);

/**
 * The app as a hall installs it: `npm pack`, then `npm install --omit=dev`
 * of the tarball into an empty project. sqlite3's install script downloads a
 * prebuilt binary, else compiles SQLite for minutes; build machines reach no
 * download host, so the install runs without scripts and gets the binary this
 * checkout built: the file a prebuilt download would have given.
 */
let work: string;
let installed: string;
let packed: string[];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'onewindow-pack-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: packageRoot });
  const [tarball] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  packed = tarball!.files.map((file) => file.path);
  const project = path.join(work, 'project');
  await mkdir(project);
  await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'hall-install', private: true }));
  await run(
    'npm',
    ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', path.join(work, tarball!.filename)],
    { cwd: project },
  );
  installed = path.join(project, 'node_modules', 'onewindow');
  const binary = path.join('node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
  await mkdir(path.dirname(path.join(project, binary)), { recursive: true });
  await copyFile(path.join(packageRoot, binary), path.join(project, binary));
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

interface Running {
  stdout: () => string;
  urls: () => string[];
  stop: () => Promise<void>;
}

/** Runs the installed `onewindow` until it has printed `urls` URLs. */
function startInstalled(args: string[], urls: number): Promise<Running> {
  const child = spawn(process.execPath, [path.join(installed, 'dist', 'main', 'cli', 'onewindow.js'), ...args], {
    cwd: work,
    env: { ...process.env, ONEWINDOW_LOG_LEVEL: 'warn' },
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const running: Running = {
    stdout: () => stdout,
    urls: () => stdout.match(/http:\/\/\S+/g) ?? [],
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL in 60 s:\n${stdout}\n${stderr}`)), 60_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (running.urls().length >= urls) {
        clearTimeout(timer);
        resolve(running);
      }
    });
    void exited.then(() => reject(new Error(`exited before serving:\n${stdout}\n${stderr}`)));
  });
}

/** The `files:` list of electron-builder.yml: one glob a line, "  - glob", quoted or not. */
function filesOf(yml: string): string[] {
  const block = /^files:\n((?:[ \t]+-.*\n)+)/m.exec(yml)?.[1] ?? '';
  return block.split('\n').flatMap((line) => {
    const glob = /^\s+-\s+(.+?)\s*$/.exec(line)?.[1];
    return glob ? [glob.replace(/^(["'])(.*)\1$/, '$2')] : [];
  });
}

async function statusOf(url: string): Promise<number> {
  return (await fetch(url)).status;
}

describe('the packed app, installed with --omit=dev', () => {
  it('holds what runs and nothing of the tests', () => {
    expect(packed).toEqual(
      expect.arrayContaining([
        'dist/main/cli/onewindow.js',
        'dist/renderer/index.html',
        'dist/main/electron/preload.cjs',
        'main/store/migrations/0001_catalogue.sql',
        'upstream/storage/migrations/0001_identity.sql',
        'kiosk-config/profiles/demo-kiosk.json',
        'kiosk-config/catalogue/items.json',
        'hall-config/queue.json',
        'hall-config/citizen-services.json',
        'README.md',
      ]),
    );
    const outside = packed.filter(
      (file) =>
        !/^(dist|main\/store\/migrations|upstream\/storage\/migrations|kiosk-config|hall-config)\/|^(package\.json|README\.md)$/.test(file),
    );
    expect(outside).toEqual([]);
    expect(
      packed.filter((file) => file.startsWith('test/') || file.startsWith('dist/test/') || file.endsWith('.map') || /\.ts$/.test(file)),
    ).toEqual([]);
  });

  it('runs `onewindow hall`: it answers, its dashboard is for logged-in staff', async () => {
    const hall = await startInstalled(['hall', '--db', path.join(work, 'hall.db'), '--port', '0'], 2);
    try {
      expect(hall.stdout()).toContain('back ends: demo (fictional');
      const [root, dashboard] = hall.urls();
      expect(await statusOf(new URL('docs', root).href)).toBe(200);
      expect(await statusOf(new URL('login', root).href)).toBe(200);
      expect(await statusOf(dashboard!)).toBe(401);
    } finally {
      await hall.stop();
    }
  }, 90_000);

  it('runs `onewindow serve` of a demo profile: the kiosk page answers', async () => {
    const profile = path.join(installed, 'kiosk-config', 'profiles', 'demo-kiosk.json');
    const serving = await startInstalled(['serve', '--config', profile, '--port', '0', '--data-dir', path.join(work, 'serve')], 1);
    try {
      expect(await statusOf(serving.urls()[0]!)).toBe(200);
    } finally {
      await serving.stop();
    }
  }, 90_000);

  it('runs `onewindow demo`: each screen and the embedded hall answer', async () => {
    const demo = await startInstalled(['demo', '--port', '0', '--data-dir', path.join(work, 'demo')], 5);
    try {
      const [kiosk, counter, display, hall, dashboard] = demo.urls();
      for (const url of [kiosk!, counter!, display!, new URL('docs', hall).href, new URL('login', hall).href])
        expect(await statusOf(url), url).toBe(200);
      expect(await statusOf(dashboard!)).toBe(401);
    } finally {
      await demo.stop();
    }
  }, 120_000);

  it("is covered by electron-builder's files: every packed file matches its globs", async () => {
    const globs = filesOf(await readFile(path.join(packageRoot, 'electron-builder.yml'), 'utf8'));
    expect(globs.length).toBeGreaterThan(0);
    const included = (file: string) =>
      globs.reduce(
        (taken, glob) => (glob.startsWith('!') ? taken && !minimatch(file, glob.slice(1)) : taken || minimatch(file, glob)),
        false,
      );
    expect(packed.filter((file) => file !== 'README.md' && !included(file))).toEqual([]);
  });
});
