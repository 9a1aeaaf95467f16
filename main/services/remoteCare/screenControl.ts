/**
 * What remote care needs of the terminal's screen, whoever shows it:
 * Electron's webContents, or the Chromium that `onewindow start` launched
 * (over its DevTools protocol).
 */
export interface ScreenControl {
  /** The page as the citizen sees it, as PNG. */
  capture(): Promise<Buffer>;
  /** Loads the screen again (back to its home). */
  reload(): Promise<void>;
}
