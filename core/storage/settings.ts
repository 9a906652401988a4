/**
 * Everything the user sets, declared once with its default. Stored in the browser's
 * `storage.local`, apart from the incident database, so dataset swaps and database upgrades can
 * never lose it. Reading is forgiving (a damaged value falls back to its default without being
 * overwritten); writing is strict.
 */
import * as z from 'zod/mini';
import { isoDate } from '../model/iso-date';

export const settingsSchema = z.object({
  /** Incidents that changed within this many days count as news (banner, coloured badge). */
  alertWindowDays: z.int().check(z.minimum(1), z.maximum(3650)),
  bannerEnabled: z.boolean(),
  /**
   * Evaluate the dataset as of this day instead of the real one. For tests and for reviewing how
   * the extension looked during a past incident; not offered in the options page.
   */
  todayOverride: z.nullable(isoDate.check(z.length(10))),
  /** Where signed dataset updates come from (the manifest's https URL); null: the build's default, if any. */
  updateUrl: z.nullable(
    z.string().check(
      z.maxLength(2000),
      z.refine((u: string) => /^https:\/\/[^/@\s]+(\/\S*)?$/.test(u), 'must be an https URL'),
    ),
  ),
  /** Check the update URL once a day. */
  autoUpdate: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  alertWindowDays: 180,
  bannerEnabled: true,
  todayOverride: null,
  updateUrl: null,
  autoUpdate: true,
};

/** Registrable domains ("marksandspencer.com") whose banners the user silenced for good. */
export const mutedSitesSchema = z.array(z.string().check(z.maxLength(253))).check(z.maxLength(10_000));
/** "site incidentId" → the incident revision the user dismissed on that site. */
export const dismissalsSchema = z.record(z.string().check(z.maxLength(400)), z.string().check(z.maxLength(10))).check(z.refine((r: Record<string, string>) => Object.keys(r).length <= 100_000));

export const STORAGE_KEYS = {
  settings: 'settings',
  mutedSites: 'mutedSites',
  dismissals: 'dismissals',
} as const;

/** The part of `browser.storage.local` this module needs; a Map-backed fake satisfies it in tests. */
export interface KeyValueArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface UserState {
  settings: Settings;
  mutedSites: string[];
  dismissals: Record<string, string>;
}

export function dismissalKey(site: string, incidentId: string): string {
  return `${site} ${incidentId}`;
}

export async function readUserState(area: KeyValueArea): Promise<UserState> {
  const raw = await area.get(Object.values(STORAGE_KEYS));
  const settings = z.partial(settingsSchema).safeParse(raw[STORAGE_KEYS.settings]);
  const muted = mutedSitesSchema.safeParse(raw[STORAGE_KEYS.mutedSites]);
  const dismissals = dismissalsSchema.safeParse(raw[STORAGE_KEYS.dismissals]);
  return {
    settings: { ...DEFAULT_SETTINGS, ...(settings.success ? dropUndefined(settings.data) : {}) },
    mutedSites: muted.success ? muted.data : [],
    dismissals: dismissals.success ? dismissals.data : {},
  };
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Validates a change before anything is written; a bad value throws and nothing changes. */
export async function updateSettings(area: KeyValueArea, change: Partial<Settings>): Promise<Settings> {
  const { settings } = await readUserState(area);
  const next = settingsSchema.parse({ ...settings, ...change });
  await area.set({ [STORAGE_KEYS.settings]: next });
  return next;
}

export async function setSiteMuted(area: KeyValueArea, site: string, muted: boolean): Promise<string[]> {
  const { mutedSites } = await readUserState(area);
  const next = muted ? [...new Set([...mutedSites, site])].sort() : mutedSites.filter((s) => s !== site);
  await area.set({ [STORAGE_KEYS.mutedSites]: next });
  return next;
}

export async function recordDismissals(area: KeyValueArea, site: string, revisions: Record<string, string>): Promise<void> {
  const { dismissals } = await readUserState(area);
  const next = { ...dismissals };
  for (const [incidentId, revision] of Object.entries(revisions)) next[dismissalKey(site, incidentId)] = revision;
  await area.set({ [STORAGE_KEYS.dismissals]: next });
}

export async function resetDismissals(area: KeyValueArea): Promise<void> {
  await area.set({ [STORAGE_KEYS.dismissals]: {} });
}
