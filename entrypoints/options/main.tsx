import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '@/components/OptionsApp';
import '@/components/page-styles.css';
import { installedDataset, openDb } from '@/core/storage/db';
import { readUserState } from '@/core/storage/settings';
import { isoToday } from '@/core/model/incident-state';
import { PROGRESS_STAGES, UPDATE_PROGRESS_KEY, UPDATE_STATUS_KEY, updateStatusSchema, type ProgressStage } from '@/core/update/status';
import { I18n } from '@/components/i18n/context';
import { send } from '@/entrypoints/shared/messaging';
import { browserTranslator } from '@/entrypoints/shared/translator';

const area = browser.storage.local;
const db = openDb();
const tr = browserTranslator();
document.documentElement.lang = tr.locale;


async function draw() {
  const [state, dataset, stored] = await Promise.all([readUserState(area), installedDataset(db), area.get([UPDATE_STATUS_KEY, UPDATE_PROGRESS_KEY])]);
  const status = updateStatusSchema.safeParse(stored[UPDATE_STATUS_KEY]);
  const stage = stored[UPDATE_PROGRESS_KEY];
  const progress = PROGRESS_STAGES.includes(stage as ProgressStage) ? (stage as ProgressStage) : null;
  render(
    <I18n.Provider value={tr}>
    <OptionsApp
      settings={state.settings}
      mutedSites={state.mutedSites}
      dismissalCount={Object.keys(state.dismissals).length}
      dataset={dataset}
      buildUpdateUrl={import.meta.env.WXT_UPDATE_URL ?? ''}
      updateStatus={status.success ? status.data : undefined}
      updateProgress={progress}
      today={state.settings.todayOverride ?? isoToday()}
      // Each change redraws before it resolves, so a control never shows a stale value in between.
      onSettings={async (change) => {
        const answer = await send({ type: 'settings:update', change });
        if (!answer.ok) throw new Error(answer.error.message);
        await draw();
      }}
      onUnmute={async (site) => {
        await send({ type: 'site:mute', site, muted: false });
        await draw();
      }}
      onResetDismissals={async () => {
        await send({ type: 'dismissals:reset' });
        await draw();
      }}
      onCheckNow={async () => {
        await send({ type: 'update:check' });
      }}
      onImportFile={async (file) => {
        await send({ type: 'update:import', text: await file.text() });
      }}
    />
    </I18n.Provider>,
    document.getElementById('app')!,
  );
  document.body.dataset.ready = 'true';
}

// Everything shown comes from storage and the database: redraw whenever either changes, whoever changed it.
browser.storage.onChanged.addListener((_, areaName) => {
  if (areaName === 'local') void draw();
});
void draw();
