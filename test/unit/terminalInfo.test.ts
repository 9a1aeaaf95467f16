import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTerminalConfig } from '../../kiosk-config/loadTerminalConfig.js';
import { profilesDir } from '../../kiosk-config/paths.js';
import { terminalInfo } from '../../main/services/terminal/terminalInfo.js';

describe('terminal info with the hall’s settings on top', () => {
  it('says which settings the hall set, and the version applied; none when the hall set nothing', async () => {
    const { config } = await loadTerminalConfig(path.join(profilesDir, 'demo-kiosk.json'));
    expect(terminalInfo(config)).toMatchObject({ hallManaged: [], hallConfigVersion: null, idleTimeoutSeconds: config.idleTimeoutSeconds });
    expect(terminalInfo(config, { idleTimeoutSeconds: 45, services: ['certificates'], configVersion: 3 })).toMatchObject({
      idleTimeoutSeconds: 45,
      enabledServices: ['certificates'],
      hallManaged: ['idleTimeoutSeconds', 'enabledServices'],
      hallConfigVersion: 3,
    });
    expect(terminalInfo(config, { locale: 'en', speechVolume: 0.4 }).hallManaged).toEqual(['locale', 'speechVolume']);
  });
});
