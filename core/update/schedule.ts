/**
 * When the daily update check is scheduled: only when automatic updates are on and an update URL
 * is known (the user's, else the build's default). The alarm outlives the worker, so it is
 * (re)considered when the extension is installed or updated, when the browser starts and when
 * settings change, never on every wake-up; an alarm already set keeps its time.
 */
import type { Settings } from '../storage/settings';

export const UPDATE_ALARM = 'caveat-dataset-update';
export const UPDATE_PERIOD_MINUTES = 24 * 60;
/** The first check comes a minute after scheduling, not in the middle of the browser starting up. */
export const FIRST_CHECK_DELAY_MINUTES = 1;

/** The update URL in force: the user's, else the build's default; '' when there is none. */
export function updateUrlOf(settings: Pick<Settings, 'updateUrl'>, buildUrl: string): string {
  return settings.updateUrl ?? buildUrl;
}

export type AlarmChange = 'create' | 'clear' | null;

/** What to do with the daily alarm, given the settings and whether it exists now. */
export function alarmChange(settings: Pick<Settings, 'autoUpdate' | 'updateUrl'>, buildUrl: string, exists: boolean): AlarmChange {
  const wanted = settings.autoUpdate && updateUrlOf(settings, buildUrl) !== '';
  if (wanted && !exists) return 'create';
  if (!wanted && exists) return 'clear';
  return null;
}
