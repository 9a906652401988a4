import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Node-side benchmarks (npm run bench:node): lookup, search, dataset build. Results also go to
// bench/results/node.json, which bench/summary.ts folds into the one summary line.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [],
    environment: 'node',
    benchmark: {
      include: ['bench/*.bench.ts'],
      outputJson: 'bench/results/node.json',
    },
  },
});
