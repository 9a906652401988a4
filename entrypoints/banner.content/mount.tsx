import { render } from 'preact';
import { Banner } from '@/components/Banner';
import { BANNER_CSS } from '@/components/banner-styles';
import type { BannerIncident } from '@/data/site-report';

const MOUNTED = Symbol.for('caveat.banner');

/**
 * Puts the banner in a closed shadow root under an element with a random name: the page cannot
 * read or restyle its content through the DOM, nor find it by a fixed selector.
 * Only trusted clicks on the banner itself count, so a page cannot dismiss or mute by script.
 */
export function mountBanner(site: string, incidents: BannerIncident[], actions: { dismiss(): Promise<unknown>; mute(): Promise<unknown> }): void {
  const scope = globalThis as { [MOUNTED]?: boolean };
  if (scope[MOUNTED]) return; // injected twice (e.g. a same-document navigation)
  scope[MOUNTED] = true;

  const name = `c-${crypto.getRandomValues(new Uint32Array(2)).join('-')}`;
  const host = document.createElement(name);
  host.setAttribute('style', 'all: initial !important; display: block !important; position: static !important;');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = BANNER_CSS;
  const root = document.createElement('div');
  shadow.append(style, root);

  const remove = () => {
    render(null, root);
    host.remove();
  };
  const trusted = (action: () => Promise<unknown>) => (event: MouseEvent) => {
    if (!event.isTrusted) return;
    void action().then(remove);
  };
  render(<Banner site={site} incidents={incidents} onDismiss={trusted(actions.dismiss)} onMute={trusted(actions.mute)} />, root);
  (document.body ?? document.documentElement).append(host);
}
