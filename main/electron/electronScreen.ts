import type { ScreenControl } from '../services/remoteCare/screenControl.js';

/** The part of Electron's webContents remote care uses. */
export interface CapturableContents {
  capturePage(): Promise<{ toPNG(): Buffer }>;
  reload(): void;
}

/** Remote care's reach into the terminal's own window (the citizen's screen), whichever window that is now. */
export function electronScreen(contents: () => CapturableContents | undefined): ScreenControl {
  const current = () => {
    const found = contents();
    if (!found) throw new Error('the terminal has no window open');
    return found;
  };
  return {
    capture: async () => (await current().capturePage()).toPNG(),
    reload: async () => current().reload(),
  };
}
