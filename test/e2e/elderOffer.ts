import type { Page } from '@playwright/test';

/**
 * The demo card belongs to a citizen born in 1949, and the kiosk offers elder
 * mode at once to anyone 60 or over (issue 14). Specs about other flows
 * decline it whenever it shows; the elder flow itself is kioskKeypad.spec.ts.
 */
export async function declineElderOffer(page: Page): Promise<void> {
  await page.addLocatorHandler(page.getByRole('button', { name: '不用了' }), (decline) => decline.click());
}
