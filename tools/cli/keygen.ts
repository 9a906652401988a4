import { existsSync, realpathSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateSigningKey } from '@/core/update/signing';
import { MAX_TRUSTED_KEYS, trustedKeysFileSchema } from '@/core/update/trusted-keys';
import { defineCommand } from './command';
import { displayPath, PROJECT_DIR } from '../shared/dataset-files';
import { UsageError } from './usage';

export const TRUSTED_KEYS_FILE = path.join(PROJECT_DIR, 'core', 'update', 'trusted-keys.json');

/**
 * A new signing key pair. The private key goes to DIR (default ~/.config/caveat; a folder inside
 * this repository or any git work tree is refused); with --trust its public key is added to the bundled trusted keys (two slots, so
 * keys can rotate).
 */
export const keygenCommand = defineCommand({
  name: 'keygen',
  summary: 'make a signing key pair for dataset updates (the private key stays outside the repository)',
  options: {
    out: { type: 'string', valueName: 'DIR', description: 'where the private key goes (default ~/.config/caveat; never inside a git repository)' },
    trust: { type: 'boolean', description: 'add the public key to core/update/trusted-keys.json (two slots, for rotation)' },
  },
  positionals: [],
  examples: ['npm run dataset -- keygen', 'npm run dataset -- keygen --out ~/secrets/caveat --trust'],
  run: ({ values }) => keygen(values.out ? path.resolve(values.out) : path.join(process.env.HOME ?? '.', '.config', 'caveat'), values.trust),
});

/** The real path of `dir`, or of its nearest existing ancestor followed by the rest: symlinks cannot smuggle it in. */
function realPathOf(dir: string): string {
  let existing = dir;
  const rest: string[] = [];
  while (!existsSync(existing) && path.dirname(existing) !== existing) {
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  return path.join(realpathSync(existing), ...rest);
}

const isInside = (dir: string, root: string) => {
  const relative = path.relative(root, dir);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/**
 * Why a private key must not go to `outDir`, or null. Inside this repository it would be one
 * `git add -A` from being published, and under public/ it would ship inside the extension; any
 * other git work tree has the same risk.
 */
export function keyLocationProblem(outDir: string, projectDir: string = PROJECT_DIR): string | null {
  const real = realPathOf(path.resolve(outDir));
  if (isInside(real, realPathOf(projectDir))) {
    return `${outDir} is inside this repository (${projectDir}); a private key there could be committed or shipped. Use a folder outside it (default ~/.config/caveat)`;
  }
  for (let dir = real; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return `${outDir} is inside the git work tree ${dir}; a private key there could be committed. Use a folder outside any repository`;
    if (path.dirname(dir) === dir) return null;
  }
}

async function keygen(outDir: string, trust: boolean): Promise<number> {
  const problem = keyLocationProblem(outDir);
  if (problem) throw new UsageError(`${problem}; nothing was written`);
  const { keyId, publicKey, privateKey } = await generateSigningKey();
  await mkdir(outDir, { recursive: true });
  const privateFile = path.join(outDir, `caveat-signing-${keyId}.private.jwk`);
  await writeFile(privateFile, `${JSON.stringify(privateKey, null, 2)}\n`, { mode: 0o600 });
  await chmod(privateFile, 0o600);
  console.error(`private key: ${displayPath(privateFile)} (keep it secret, never commit it)`);
  const entry = { keyId, publicKey };
  if (trust) {
    const file = trustedKeysFileSchema.parse(JSON.parse(await readFile(TRUSTED_KEYS_FILE, 'utf8')));
    if (file.keys.length >= MAX_TRUSTED_KEYS) throw new UsageError(`${displayPath(TRUSTED_KEYS_FILE)} already holds ${MAX_TRUSTED_KEYS} keys: remove the retired one first`);
    file.keys.push(entry);
    await writeFile(TRUSTED_KEYS_FILE, `${JSON.stringify(file, null, 2)}\n`);
    console.error(`trusted: added ${keyId} to ${displayPath(TRUSTED_KEYS_FILE)}; rebuild the extension to ship it`);
  }
  console.log(JSON.stringify(entry, null, 2));
  return 0;
}
