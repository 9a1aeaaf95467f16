import { describe, expect, it } from 'vitest';
import { routeFor } from '../../renderer/useHashRoute.js';

describe('renderer routes', () => {
  it('shows the configured role, or setup, and nothing else', () => {
    expect(routeFor('', 'kiosk')).toBe('kiosk');
    expect(routeFor('#/kiosk', 'kiosk')).toBe('kiosk');
    expect(routeFor('#/setup', 'display')).toBe('setup');
    expect(routeFor('#/counter', 'kiosk')).toBe('kiosk');
    expect(routeFor('#/anything', 'counter')).toBe('counter');
  });
});
