import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '@/components/OptionsApp';
import '@/components/page-styles.css';
import { installedDataset, openDb } from '@/data/db';
import { readUserState, resetDismissals, setSiteMuted, updateSettings } from '@/data/settings';

const area = browser.storage.local;

async function draw() {
  const [state, dataset] = await Promise.all([readUserState(area), installedDataset(openDb())]);
  render(
    <OptionsApp
      settings={state.settings}
      mutedSites={state.mutedSites}
      dismissalCount={Object.keys(state.dismissals).length}
      dataset={dataset}
      onSettings={async (change) => {
        await updateSettings(area, change);
        await draw();
      }}
      onUnmute={async (site) => {
        await setSiteMuted(area, site, false);
        await draw();
      }}
      onResetDismissals={async () => {
        await resetDismissals(area);
        await draw();
      }}
    />,
    document.getElementById('app')!,
  );
  document.body.dataset.ready = 'true';
}

void draw();
