/**
 * The update URL a build carries by default: one setting, read by wxt.config.ts.
 *
 * - Release builds (`npm run build`, `npm run zip`: production, the bundled trusted keys) point at
 *   the published feed, RELEASE_FEED_URL, so every installed copy takes reviewed data daily.
 * - Development (`npm run dev`) and test builds (CAVEAT_TRUSTED_KEYS set: they trust the test key)
 *   have none, so nothing they do reaches the real feed.
 * - `WXT_UPDATE_URL=…` overrides all of that, and `WXT_UPDATE_URL=` (empty) turns it off.
 * A person can always set another URL, or none, in the options page.
 */

/** The signed feed that .github/workflows/publish-feed.yml deploys to GitHub Pages. */
export const RELEASE_FEED_URL = 'https://caveat-extension.github.io/caveat/manifest.json';

export interface BuildEnv {
  mode: string;
  command: 'build' | 'serve';
  env: Record<string, string | undefined>;
}

export function defaultUpdateUrl({ mode, command, env }: BuildEnv): string {
  if (env.WXT_UPDATE_URL !== undefined) return env.WXT_UPDATE_URL;
  if (command !== 'build' || mode !== 'production') return '';
  if (env.CAVEAT_TRUSTED_KEYS) return '';
  return RELEASE_FEED_URL;
}
