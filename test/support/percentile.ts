/** The nearest-rank percentile of sorted values: the value at rank ⌈p·n⌉ (of 200 values, p99 is the second largest). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
}
