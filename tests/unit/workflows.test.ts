/**
 * The GitHub Actions workflows run exactly the commands the tests here exercise: each `run:`
 * step is either one of those commands (same flags) or named plumbing (checkout of the feed,
 * writing and removing the key, pushing to Pages). A workflow edited to run something untested
 * fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultUpdateUrl, RELEASE_FEED_URL } from '../../tools/build/update-url';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
}

/**
 * The steps of a workflow file: `- name:`, `uses:` and `run:` (one line, or a `|` block). Enough
 * YAML for these files, without a YAML library for one test.
 */
function steps(file: string): Step[] {
  const lines = readFileSync(`.github/workflows/${file}`, 'utf8').split('\n');
  const out: Step[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const start = /^(\s*)- (name|uses|run):\s*(.*)$/.exec(line);
    const field = /^(\s*)(name|uses|run):\s*(.*)$/.exec(line);
    if (start) out.push({});
    const m = start ?? (out.length > 0 ? field : null);
    if (!m) continue;
    const [, indent, key, value] = m as unknown as [string, string, 'name' | 'uses' | 'run', string];
    let text = value.replace(/^"(.*)"$/, '$1');
    if (value === '|') {
      const body: string[] = [];
      const depth = indent.length + (start ? 2 : 0);
      while (i + 1 < lines.length && (lines[i + 1]!.trim() === '' || lines[i + 1]!.search(/\S/) > depth)) body.push(lines[++i]!.trim());
      text = body.join('\n').trim();
    }
    out.at(-1)![key] = text;
  }
  return out;
}
const runs = (file: string) => steps(file).filter((s) => s.run).map((s) => ({ name: s.name ?? s.run!, run: s.run! }));

/** The commands the unit tests run, with the flags the workflows use (see the test named beside each). */
const TESTED = new Map([
  ['npm ci', 'the project’s own install'],
  ['npm run dataset -- refresh --report "$RUNNER_TEMP/refresh-report.md"', 'refresh.test.ts (refresh with --report, contact from CAVEAT_CONTACT)'],
  ['npm run dataset -- publish --out feed --key "$RUNNER_TEMP/signing-key.jwk"', 'publish-feed.test.ts (publish --out --key, a key file of mode 600)'],
  ['npm run dataset -- verify-feed feed', 'publish-feed.test.ts (verify-feed on a folder, against the bundled keys by default)'],
]);
const PLUMBING = new Set(['Check out the published feed', 'Write the signing key, readable by this account only', 'Forget the key', 'Deploy to GitHub Pages']);

describe('workflows', () => {
  it.each([['refresh-dataset.yml'], ['publish-feed.yml']])('%s runs only tested commands and named plumbing', (file) => {
    const found = runs(file);
    expect(found.map((s) => s.name)).toEqual(file === 'publish-feed.yml' ? ['npm ci', 'Check out the published feed', 'Write the signing key, readable by this account only', 'Sign and lay out the feed', 'Forget the key', 'Verify the feed as a released Caveat would', 'Deploy to GitHub Pages'] : ['npm ci', 'Refresh from the live feeds']);
    for (const step of found) {
      if (PLUMBING.has(step.name)) continue;
      expect(TESTED.has(step.run), `${file}: "${step.run}" is not a tested command`).toBe(true);
    }
  });

  it('the refresh runs daily and its data reaches main only through a pull request a person merges', () => {
    const text = readFileSync('.github/workflows/refresh-dataset.yml', 'utf8');
    expect(text).toMatch(/\non:\n {2}schedule:\n {4}- cron: /);
    const all = steps('refresh-dataset.yml');
    expect(all.find((s) => s.uses?.startsWith('peter-evans/create-pull-request'))).toBeDefined();
    expect(all.some((s) => /git push|publish/.test(s.run ?? ''))).toBe(false);
  });

  it('the feed is signed on merges to main and weekly, with the key from the secrets written owner-only', () => {
    const text = readFileSync('.github/workflows/publish-feed.yml', 'utf8');
    expect(text).toMatch(/\non:\n {2}push:\n {4}branches: \[main\]\n {4}paths: \["data\/\*\*"\]\n {2}schedule:/);
    expect(text).toContain('secrets.CAVEAT_SIGNING_KEY');
    expect(text).toMatch(/umask 077\n\s+printf '%s' "\$CAVEAT_SIGNING_KEY" > "\$RUNNER_TEMP\/signing-key.jwk"/);
  });
});

describe('the default update URL of a build', () => {
  it.each([
    ['a release build (npm run build)', { mode: 'production', command: 'build', env: {} }, RELEASE_FEED_URL],
    ['a test build (trusts the test key)', { mode: 'production', command: 'build', env: { CAVEAT_TRUSTED_KEYS: 'tests/fixtures/keys/trusted-keys.test.json' } }, ''],
    ['development (npm run dev)', { mode: 'development', command: 'serve', env: {} }, ''],
    ['a build with WXT_UPDATE_URL', { mode: 'production', command: 'build', env: { WXT_UPDATE_URL: 'https://mirror.example/manifest.json', CAVEAT_TRUSTED_KEYS: 'x' } }, 'https://mirror.example/manifest.json'],
    ['a release build with WXT_UPDATE_URL empty', { mode: 'production', command: 'build', env: { WXT_UPDATE_URL: '' } }, ''],
  ] as const)('%s: %j', (_, env, expected) => {
    expect(defaultUpdateUrl(env)).toBe(expected);
  });

  it('the release feed is an https manifest URL', () => {
    expect(RELEASE_FEED_URL).toMatch(/^https:\/\/[^/]+\/.*manifest\.json$/);
  });
});
