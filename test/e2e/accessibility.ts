import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every axe violation of any impact (color-contrast included), as readable lines. */
export async function a11yViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Buttons smaller than a fingertip target, as "text (w×h)". */
export async function smallTouchTargets(page: Page, minimum = 64): Promise<string[]> {
  const boxes = await page.locator('button:visible').evaluateAll((buttons) =>
    buttons.map((button) => {
      const box = button.getBoundingClientRect();
      return { text: button.textContent ?? '', width: box.width, height: box.height };
    }),
  );
  return boxes.filter((box) => box.width < minimum || box.height < minimum).map((box) => `${box.text} (${box.width}×${box.height})`);
}

/** Whether the bundled CJK font is loaded, so Chinese does not depend on the machine's fonts. */
export async function cjkFontLoaded(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].some((face) => face.family.includes('Noto Sans SC') && face.status === 'loaded');
  });
}
