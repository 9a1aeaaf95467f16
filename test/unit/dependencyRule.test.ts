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
});
