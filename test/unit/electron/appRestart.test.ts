import { describe, expect, it } from 'vitest';
import { restartApp } from '../../../main/electron/appRestart.js';

function fakeApp() {
  const calls: string[] = [];
  return { calls, app: { relaunch: () => void calls.push('relaunch'), exit: (code?: number) => void calls.push(`exit ${code}`) } };
}

describe("the Electron app's restart", () => {
  it('relaunches itself, then exits, when nothing supervises it', () => {
    const { calls, app } = fakeApp();
    restartApp(app, {});
    expect(calls).toEqual(['relaunch', 'exit 0']);
  });

  it('only exits under systemd, whose Restart=always starts it again (a relaunched copy would die with the unit)', () => {
    const { calls, app } = fakeApp();
    restartApp(app, { INVOCATION_ID: '4f0c9d1e2a7b4c3d9e8f7a6b5c4d3e2f' });
    expect(calls).toEqual(['exit 0']);
  });
});
