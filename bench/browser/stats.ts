/** Summary statistics for the browser benchmarks. */

export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

/** The p-th percentile by linear interpolation between the closest ranks (p in 0…100). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export const round1 = (x: number): number => Math.round(x * 10) / 10;
