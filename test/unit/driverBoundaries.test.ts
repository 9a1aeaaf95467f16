import { ESLint } from 'eslint';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../kiosk-config/paths.js';

const eslint = new ESLint({ cwd: packageRoot });

async function ruleMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(packageRoot, file) });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('drivers are devices only (lint)', () => {
  it("fails a driver that imports another device's folder", async () => {
    for (const [file, code] of [
      [
        'drivers/receipt-printer/probe.ts',
        "import { conditionOf } from '../document-printer/cupsOutput.js';\nexport const c = conditionOf;\n",
      ],
      ['drivers/cups/spoolSimulator/probe.ts', "import { SamReader } from '../../id-card/samReader.js';\nexport const s = SamReader;\n"],
    ]) {
      expect(await ruleMessages(file!, code!), file).toEqual([
        expect.stringMatching(/^no-restricted-imports: .*only through the shared transports/),
      ]);
    }
  });

  it('lets a driver use the shared transports, the address grammar and its own files', async () => {
    const code = [
      "import { openSerialBytePort } from '../serial/serialBytePort.js';",
      "import { openTcpBytePort } from '../net/tcpBytePort.js';",
      "import { openHidDevice } from '../hid/hidBytePort.js';",
      "import { CupsQueue } from '../cups/cupsQueue.js';",
      "import { parseVidPid } from '../deviceAddress.js';",
      "import { JobBuilder } from './jobBuilder.js';",
      'export const all = [openSerialBytePort, openTcpBytePort, openHidDevice, CupsQueue, parseVidPid, JobBuilder];',
    ].join('\n');
    expect(await ruleMessages('drivers/receipt-printer/probe.ts', `${code}\n`)).toEqual([]);
  });

  it('keeps application layouts out of drivers/: no receipt a service prints lives there', async () => {
    const files = (await readdir(path.join(packageRoot, 'drivers'), { recursive: true })).filter((file) => file.endsWith('.ts'));
    expect(files.filter((file) => /ticketLayout|resultReceipt/.test(file))).toEqual([]);
    expect(
      await eslint
        .lintFiles(files.map((file) => path.join(packageRoot, 'drivers', file)))
        .then((results) => results.flatMap((result) => result.messages.map((message) => `${result.filePath}: ${message.message}`))),
    ).toEqual([]);
  });
});
