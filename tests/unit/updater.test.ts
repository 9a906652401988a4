/**
 * Taking updates in the background (core/update/updater.ts) with its browser parts faked: which
 * URL is used, what is written for the options page, when the background is told of a new
 * dataset, and that runs never overlap and never race the bundled install.
 */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, STORAGE_KEYS, type KeyValueArea } from '../../core/storage/settings';
import { UpdateRefused } from '../../core/update/refusal';
import { UPDATE_PROGRESS_KEY, UPDATE_STATUS_KEY } from '../../core/update/status';
import type { UpdateOutcome } from '../../core/update/take-update';
import { createUpdater, type UpdaterDeps } from '../../core/update/updater';

const USER_URL = 'https://updates.example/manifest.json';
const BUILD_URL = 'https://build-default.example/manifest.json';
const UPDATED: UpdateOutcome = { result: 'updated', version: 'v2', sequence: 2, incidents: 3, changes: { added: ['a'], changed: [], removed: [] } };
const UP_TO_DATE: UpdateOutcome = { result: 'up-to-date', version: 'v1', sequence: 1 };

function memoryArea(initial: Record<string, unknown> = {}): KeyValueArea & { data: Record<string, unknown>; writes: Record<string, unknown>[] } {
  const data = { ...initial };
  const writes: Record<string, unknown>[] = [];
  return {
    data,
    writes,
    get: async (keys) => Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]])),
    set: async (items) => void (writes.push(items), Object.assign(data, items)),
  };
}

function setUp({ updateUrl = null as string | null, buildUrl = '', take = async (): Promise<UpdateOutcome> => UPDATED, installed = async () => undefined } = {}) {
  const storage = memoryArea({ [STORAGE_KEYS.settings]: { ...DEFAULT_SETTINGS, updateUrl } });
  const deps: UpdaterDeps = {
    storage,
    buildUrl,
    ready: async () => undefined,
    installed: vi.fn(installed),
    fromUrl: vi.fn(async (_url, progress) => (progress('download'), take())),
    fromFile: vi.fn(async (_text, progress) => (progress('validate'), take())),
    now: () => new Date('2026-01-02T03:04:05Z'),
    log: vi.fn(),
  };
  return { deps, storage, updater: createUpdater(deps) };
}

describe('the updater', () => {
  it.each([
    ['the user’s URL', USER_URL, BUILD_URL, USER_URL],
    ['the build’s default when the user set none', null, BUILD_URL, BUILD_URL],
  ])('checks %s', async (_name, updateUrl, buildUrl, expected) => {
    const { deps, updater } = setUp({ updateUrl, buildUrl });
    await updater.check();
    expect(deps.fromUrl).toHaveBeenCalledWith(expected, expect.any(Function));
  });

  it.each<[string, () => Promise<UpdateOutcome>, { result: string; code?: string }, number]>([
    ['an update installed', async () => UPDATED, { result: 'updated' }, 1],
    ['nothing new', async () => UP_TO_DATE, { result: 'up-to-date' }, 0],
    ['a refusal', async () => Promise.reject(new UpdateRefused('hash', 'the dataset does not match')), { result: 'refused', code: 'hash' }, 0],
    ['an unexpected failure', async () => Promise.reject(new Error('disk full')), { result: 'refused', code: 'failed' }, 0],
  ])('%s: the status written, and the background told only of a new dataset', async (_name, take, status, installs) => {
    const { deps, storage, updater } = setUp({ updateUrl: USER_URL, take });
    expect(await updater.check()).toMatchObject({ ...status, source: 'url', at: '2026-01-02T03:04:05.000Z' });
    expect(storage.data[UPDATE_STATUS_KEY]).toMatchObject(status);
    expect(storage.data[UPDATE_PROGRESS_KEY]).toBeNull();
    expect(deps.installed).toHaveBeenCalledTimes(installs);
  });

  it('no update URL anywhere: refused without fetching', async () => {
    const { deps, updater } = setUp();
    expect(await updater.check()).toMatchObject({ result: 'refused', code: 'no-update-url' });
    expect(deps.fromUrl).not.toHaveBeenCalled();
  });

  it('a file is taken the same way, as source "file"', async () => {
    const { deps, updater } = setUp();
    expect(await updater.importFile('{…}')).toMatchObject({ result: 'updated', source: 'file' });
    expect(deps.fromFile).toHaveBeenCalledWith('{…}', expect.any(Function));
  });

  it('the stage under way is written as it goes, then cleared with the result', async () => {
    const { storage, updater } = setUp({ updateUrl: USER_URL });
    await updater.check();
    expect(storage.writes.map((w) => w[UPDATE_PROGRESS_KEY])).toEqual(['download', null]);
  });

  it('an installed update whose re-read fails is still reported as installed (and logged)', async () => {
    const { deps, updater } = setUp({ updateUrl: USER_URL, installed: async () => Promise.reject(new Error('database closed')) });
    expect(await updater.check()).toMatchObject({ result: 'updated' });
    expect(deps.log).toHaveBeenCalledWith(expect.objectContaining({ message: 'database closed' }));
  });

  it('runs one at a time, each after the bundled dataset is in place', async () => {
    const order: string[] = [];
    let bundledInstalled!: () => void;
    const bundled = new Promise<void>((resolve) => (bundledInstalled = resolve));
    const { deps, updater } = setUp({ updateUrl: USER_URL });
    deps.ready = () => bundled.then(() => void order.push('ready'));
    let finishFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (finishFirst = resolve));
    let calls = 0;
    deps.fromUrl = async () => {
      const n = ++calls;
      order.push(`take ${n}`);
      if (n === 1) await firstHolds;
      order.push(`done ${n}`);
      return UP_TO_DATE;
    };
    const runs = Promise.all([updater.check(), updater.check()]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(order).toEqual([]); // nothing before the bundled dataset is in place
    bundledInstalled();
    await vi.waitFor(() => expect(order).toEqual(['ready', 'take 1']));
    finishFirst();
    await runs;
    expect(order).toEqual(['ready', 'take 1', 'done 1', 'ready', 'take 2', 'done 2']);
  });
});
