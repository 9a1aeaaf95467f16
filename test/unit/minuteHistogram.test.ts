import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addHistogramJson,
  addToHistogram,
  histogramJson,
  histogramPercentile,
  minuteOf,
  type MinuteHistogram,
} from '../../upstream/statistics/minuteHistogram.js';

/** Nearest rank, as the figures' SQL computes it over every value: the value at rank ⌈p·n⌉. */
const nearestRank = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.max(1, Math.ceil(p * values.length)) - 1]!;

const histogramOf = (values: number[]): MinuteHistogram => {
  const histogram: MinuteHistogram = new Map();
  for (const value of values) addToHistogram(histogram, minuteOf(value), 1);
  return histogram;
};

describe('a median and p90 from minute counts', () => {
  it('is within a minute of the exact nearest-rank value, however the values fall', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -600, max: 4 * 3600 }), { minLength: 1, maxLength: 400 }),
        fc.constantFrom(0.5, 0.9),
        (values, p) => {
          const approximate = histogramPercentile(histogramOf(values), p)!;
          expect(Math.abs(approximate - nearestRank(values, p))).toBeLessThan(60);
        },
      ),
    );
  });

  it('is the same from days merged as from all their values at once, and through its stored form', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 7200 }), { maxLength: 50 }), { minLength: 1, maxLength: 10 }), (days) => {
        const merged: MinuteHistogram = new Map();
        for (const day of days) addHistogramJson(merged, histogramJson(histogramOf(day)));
        const all = histogramOf(days.flat());
        expect(histogramPercentile(merged, 0.5)).toBe(histogramPercentile(all, 0.5));
        expect(histogramPercentile(merged, 0.9)).toBe(histogramPercentile(all, 0.9));
      }),
    );
  });

  it('has nothing to say of no values, and puts a negative wait (a skewed clock) in its negative minute', () => {
    expect(histogramPercentile(new Map(), 0.5)).toBeNull();
    expect([minuteOf(-42), minuteOf(-60), minuteOf(-61), minuteOf(59)]).toEqual([-1, -1, -2, 0]);
    // Rank 2 of 4 is the second of minute 10's two values: placed three quarters into the minute (exact: 630).
    expect(histogramPercentile(histogramOf([600, 630, 660, 3600]), 0.5)).toBe(645);
  });
});
