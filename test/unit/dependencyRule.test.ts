import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../kiosk-config/paths.js';

const eslint = new ESLint({ cwd: packageRoot });

async function ruleMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(packageRoot, file) });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('dependency rule (lint)', () => {
  it('lets the renderer import main/contract', async () => {
    expect(
      await ruleMessages(
        'renderer/kiosk/Probe.ts',
        "import { rpcMethods } from '../../main/contract/rpc';\nexport const m = rpcMethods;\n",
      ),
    ).toEqual([]);
  });

  it('fails a renderer file that imports main/services, main/store or Node', async () => {
    for (const code of [
      "import { CatalogueService } from '../../main/services/catalogue/catalogueService';\nexport const s = CatalogueService;\n",
      "import { openDatabase } from '../../main/store/database';\nexport const o = openDatabase;\n",
      "import { readFile } from 'node:fs';\nexport const r = readFile;\n",
      "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n",
    ]) {
      expect(await ruleMessages('renderer/kiosk/Probe.ts', code)).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
    }
  });

  it('fails a driver that imports anything from main/', async () => {
    const messages = await ruleMessages(
      'drivers/id-card/probe.ts',
      "import { rpcMethods } from '../../main/contract/rpc.js';\nexport const m = rpcMethods;\n",
    );
    expect(messages).toEqual([expect.stringMatching(/^no-restricted-imports: .*Drivers know nothing of the host/)]);
  });

  it('fails a service that imports Electron', async () => {
    const messages = await ruleMessages('main/services/probe.ts', "import { app } from 'electron';\nexport const a = app;\n");
    expect(messages).toEqual([expect.stringMatching(/^no-restricted-imports: .*Only main\/electron/)]);
  });

  it('fails literal UI text in a component', async () => {
    const messages = await ruleMessages('renderer/kiosk/Probe.tsx', 'export const P = () => <p>请取号</p>;\n');
    expect(messages).toEqual([expect.stringMatching(/^no-restricted-syntax: No literal UI text/)]);
  });
  it('fails a renderer file that imports lib/, any Node built-in, or electron/*', async () => {
    for (const code of [
      "import { createLogger } from '../../lib/logger';\nexport const l = createLogger;\n",
      "import { Worker } from 'worker_threads';\nexport const w = Worker;\n",
      "import { join } from 'path/posix';\nexport const j = join;\n",
      "import { ipcRenderer } from 'electron/renderer';\nexport const i = ipcRenderer;\n",
    ]) {
      expect(await ruleMessages('renderer/kiosk/Probe.ts', code), code).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
    }
  });

  it('keeps main/contract pure: no Node module, nothing outside itself', async () => {
    expect(
      await ruleMessages('main/contract/probe.ts', "import { createHash } from 'node:crypto';\nexport const h = createHash;\n"),
    ).toEqual([expect.stringMatching(/^no-restricted-imports: .*main\/contract is pure/)]);
    expect(
      await ruleMessages('main/contract/probe.ts', "import { createLogger } from '../../lib/logger.js';\nexport const l = createLogger;\n"),
    ).toEqual([expect.stringMatching(/^no-restricted-imports: .*imports nothing outside itself/)]);
    expect(
      await ruleMessages(
        'main/contract/probe.ts',
        "import { z } from 'zod';\nimport { rpcMethods } from './rpc.js';\nexport const m = [z, rpcMethods];\n",
      ),
    ).toEqual([]);
  });

  it('fails an import up a layer inside main/', async () => {
    const upward: [string, string][] = [
      ['main/services/probe.ts', "import { createHost } from '../host/createHost.js';\nexport const c = createHost;\n"],
      ['main/sync/probe.ts', "import { StatusService } from '../services/status/statusService.js';\nexport const s = StatusService;\n"],
      ['main/store/probe.ts', "import { TerminalSync } from '../sync/terminalSync.js';\nexport const t = TerminalSync;\n"],
      ['main/transport/probe.ts', "import { SetupAccess } from '../services/setup/setupAccess.js';\nexport const s = SetupAccess;\n"],
      ['main/devices/probe.ts', "import { OutboxRepository } from '../store/outboxRepository.js';\nexport const o = OutboxRepository;\n"],
      // What the hall offers comes by pull (scope hallServices), never from the hall's own files.
      [
        'main/services/citizen/probe.ts',
        "import { readCitizenCatalog } from '../../../hall-config/readCitizenCatalog.js';\nexport const r = readCitizenCatalog;\n",
      ],
    ];
    for (const [file, code] of upward) {
      expect(await ruleMessages(file, code), file).toEqual([expect.stringMatching(/^no-restricted-imports: .*reach up a layer/)]);
    }
    expect(
      await ruleMessages(
        'main/services/probe.ts',
        "import { TerminalSync } from '../sync/terminalSync.js';\nexport const t = TerminalSync;\n",
      ),
    ).toEqual([]);
  });

  it('lets main reach the hall server only through upstream/entry', async () => {
    expect(
      await ruleMessages(
        'main/host/probe.ts',
        "import { ChangeLog } from '../../upstream/sync/changeLog.js';\nexport const c = ChangeLog;\n",
      ),
    ).toEqual([expect.stringMatching(/^no-restricted-imports: .*only through upstream\/entry/)]);
    expect(
      await ruleMessages('main/host/probe.ts', "import { ChangeLog } from '../../upstream/entry/index.js';\nexport const c = ChangeLog;\n"),
    ).toEqual([]);
  });

  it('keeps upstream/ to main/contract and lib/, and lib/ to itself', async () => {
    expect(
      await ruleMessages(
        'upstream/queue/probe.ts',
        "import { createHost } from '../../main/host/createHost.js';\nexport const c = createHost;\n",
      ),
    ).toEqual([expect.stringMatching(/^no-restricted-imports: .*shares only main\/contract/)]);
    expect(
      await ruleMessages('lib/probe.ts', "import { rpcMethods } from '../main/contract/rpc.js';\nexport const m = rpcMethods;\n"),
    ).toEqual([expect.stringMatching(/^no-restricted-imports: .*imports nothing of the product/)]);
  });
});
