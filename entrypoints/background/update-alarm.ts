/**
 * The daily update check's alarm, wired to the browser. What to do is decided in
 * core/update/schedule.ts; listeners return their promise so tests (fakeBrowser) can await them.
 */
import { browser } from 'wxt/browser';
import { alarmChange, FIRST_CHECK_DELAY_MINUTES, UPDATE_ALARM, UPDATE_PERIOD_MINUTES } from '@/core/update/schedule';
import { STORAGE_KEYS, type Settings } from '@/core/storage/settings';

export interface AlarmDeps {
  settings(): Promise<Settings>;
  /** The build's default update URL ('' for none). */
  buildUrl: string;
  /** Runs the check when the alarm fires. */
  check(): Promise<unknown>;
}

export function scheduleDailyCheck(deps: AlarmDeps): void {
  async function schedule(): Promise<void> {
    const change = alarmChange(await deps.settings(), deps.buildUrl, (await browser.alarms.get(UPDATE_ALARM)) !== undefined);
    if (change === 'create') await browser.alarms.create(UPDATE_ALARM, { delayInMinutes: FIRST_CHECK_DELAY_MINUTES, periodInMinutes: UPDATE_PERIOD_MINUTES });
    if (change === 'clear') await browser.alarms.clear(UPDATE_ALARM);
  }
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === UPDATE_ALARM) await deps.check();
  });
  browser.storage.onChanged.addListener(async (changes, area) => {
    if (area === 'local' && STORAGE_KEYS.settings in changes) await schedule();
  });
  browser.runtime.onInstalled.addListener(() => schedule());
  browser.runtime.onStartup.addListener(() => schedule());
}
