import { render } from 'preact';
import { Banner } from '@/components/Banner';
import { BANNER_CSS } from '@/components/banner-styles';
import { I18n } from '@/components/i18n/context';
import type { Translator } from '@/components/i18n/translator';
import type { BannerPayload } from '@/core/messaging/protocol';

const MOUNTED = Symbol.for('caveat.banner');

/** How long the banner must have been fully visible before Dismiss and Mute take a click (anti-clickjacking, like browser permission prompts). */
export const ARM_AFTER_MS = 500;
/** A page that keeps removing the banner gets it back this many times, then wins (the badge still tells). */
const MAX_REATTACH = 50;

/** Styles on the host element, set through CSSOM (allowed under a page's strict CSP, unlike a style attribute) and marked important so page rules lose. */
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'static'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['contain', 'none'],
];

export interface BannerActions {
  dismiss(): Promise<unknown>;
  mute(): Promise<unknown>;
}


/**
 * Puts the banner in a closed shadow root under an element with a random name, attached to
 * `<html>` itself (not `<body>`, whose styles a page controls more often):
 * - the page cannot read or restyle its content through the DOM, nor find it by a fixed selector;
 *   the content script runs in an isolated world, so the page cannot patch the DOM APIs used here;
 * - styles come from a constructed stylesheet (not subject to the page's CSP) plus a `<style>`
 *   fallback, with `all: initial` so `* { all: unset !important; font-size: 0 }` cannot reach in;
 * - if the page removes, moves or restyles the host, it is put back (up to MAX_REATTACH times);
 * - Dismiss and Mute count only trusted clicks on a banner that is attached, not made transparent,
 *   not covered, and has been fully visible for ARM_AFTER_MS. Anything else changes nothing.
 */
export function mountBanner(payload: BannerPayload, actions: BannerActions, tr: Translator): void {
  const { site, hostname, banner: incidents } = payload;
  const scope = globalThis as { [MOUNTED]?: boolean };
  if (scope[MOUNTED]) return; // injected twice (e.g. a same-document navigation)
  scope[MOUNTED] = true;

  const doc = document;
  const parent = doc.documentElement;
  const host = doc.createElement(randomElementName());
  const applyHostStyle = () => {
    for (const attribute of [...host.attributes]) if (attribute.name !== 'style') host.removeAttribute(attribute.name);
    host.removeAttribute('style');
    for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
  };
  applyHostStyle();
  const expectedStyle = host.style.cssText;

  const shadow = host.attachShadow({ mode: 'closed' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(BANNER_CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    // Constructed stylesheets unavailable in this context (some Firefox content-script setups): the <style> below does it.
  }
  const style = doc.createElement('style');
  style.textContent = BANNER_CSS;
  const root = doc.createElement('div');
  shadow.append(style, root);

  let armed = false;
  let notice = '';
  let removed = false;
  let visibleSince: number | null = null;
  let armTimer: ReturnType<typeof setTimeout> | undefined;
  /** The browser's own occlusion verdict per button (IntersectionObserver v2, Chromium); empty where unsupported. */
  const occlusion = new Map<Element, boolean>();
  const supportsOcclusion = typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;

  const draw = () => {
    if (removed) return;
    render(
      <I18n.Provider value={tr}>
        <Banner site={site} hostname={hostname} incidents={incidents} armed={armed} notice={notice} onDismiss={gate(actions.dismiss)} onMute={gate(actions.mute)} />
      </I18n.Provider>,
      root,
    );
  };

  const remove = () => {
    removed = true;
    observer.disconnect();
    visibility?.disconnect();
    clearTimeout(armTimer);
    render(null, root);
    host.remove();
  };

  /** Why a click must not count, or null when it is a person's click on a visible banner. */
  const refusal = (event: MouseEvent | KeyboardEvent): string | null => {
    if (!event.isTrusted) return 'synthetic click';
    if (!armed) return 'banner not yet visible long enough';
    if (host.parentNode !== parent || !host.isConnected) return 'banner moved by the page';
    // Esc inside the banner stands for the Dismiss button: the same checks apply to that button.
    const button = event instanceof KeyboardEvent ? shadow.querySelector('button[data-action="dismiss"]') : event.currentTarget;
    if (!(button instanceof HTMLElement)) return 'no button';
    if (typeof button.checkVisibility === 'function' && !button.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) {
      return 'banner hidden';
    }
    for (const element of [host, parent]) {
      const computed = getComputedStyle(element);
      if (computed.opacity !== '1' || /opacity\(/.test(computed.filter) || computed.clipPath !== 'none' || (computed.maskImage && computed.maskImage !== 'none')) {
        return 'banner made transparent or clipped';
      }
    }
    // Esc is pressed inside the banner, not aimed at a spot on it: the banner being there and
    // opaque (checked above) is what counts, not whether the Dismiss button is scrolled into view.
    if (event instanceof KeyboardEvent) return null;
    const box = button.getBoundingClientRect();
    if (box.width < 1 || box.height < 1 || box.bottom <= 0 || box.right <= 0 || box.top >= innerHeight || box.left >= innerWidth) return 'button off screen';
    // A pointer click (detail > 0) must land on the button itself, not on something laid over it.
    if (event instanceof MouseEvent && event.detail > 0) {
      const hit = shadow.elementFromPoint(event.clientX, event.clientY);
      if (!hit || !button.contains(hit)) return 'banner covered';
    }
    if (supportsOcclusion && occlusion.get(button) !== true) return 'banner covered';
    return null;
  };

  function gate(action: () => Promise<unknown>) {
    return (event: MouseEvent | KeyboardEvent) => {
      const reason = refusal(event);
      if (reason) {
        console.info(`[caveat] click refused: ${reason}`);
        if (event.isTrusted) {
          // What a refused click tells the user, in their language.
          notice = tr.t('clickRefused');
          draw();
        }
        return;
      }
      void action().then(remove);
    };
  }

  const disarm = () => {
    clearTimeout(armTimer);
    visibleSince = null;
    if (armed) {
      armed = false;
      draw();
    }
  };
  /** Arms the buttons once the banner has been visible, uncovered, for ARM_AFTER_MS. */
  const considerArming = () => {
    if (removed) return;
    const buttons = actionButtons();
    const visible = buttons.length > 0 && buttons.every((b) => (supportsOcclusion ? occlusion.get(b) === true : b.isConnected)) && host.parentNode === parent;
    if (!visible) return disarm();
    if (visibleSince !== null) return;
    visibleSince = performance.now();
    clearTimeout(armTimer);
    armTimer = setTimeout(() => {
      if (visibleSince === null || removed) return;
      armed = true;
      notice = '';
      draw();
      console.info('[caveat] banner armed');
    }, ARM_AFTER_MS);
  };
  const actionButtons = () => [...shadow.querySelectorAll<HTMLElement>('button[data-action]')];

  let visibility: IntersectionObserver | undefined;
  if (supportsOcclusion) {
    visibility = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) occlusion.set(entry.target, (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible === true);
        considerArming();
      },
      // trackVisibility: the browser reports whether anything covers, fades or distorts the target.
      { threshold: [1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
  }

  // Put the banner back when the page removes, moves or restyles it.
  let reattached = 0;
  const observer = new MutationObserver(() => {
    if (removed) return;
    const extraAttributes = [...host.attributes].some((a) => a.name !== 'style');
    if (host.style.cssText !== expectedStyle || extraAttributes) applyHostStyle();
    if (host.parentNode !== parent || parent.lastElementChild !== host) {
      if (reattached >= MAX_REATTACH) return;
      reattached++;
      disarm();
      parent.append(host);
      console.info('[caveat] banner re-attached');
      considerArming();
    }
  });

  draw();
  parent.append(host);
  observer.observe(parent, { childList: true });
  observer.observe(host, { attributes: true });
  for (const button of actionButtons()) visibility?.observe(button);
  if (!supportsOcclusion) requestAnimationFrame(() => considerArming());
}

/** A valid custom-element name no page can predict: "x-" and 16 random lower-case letters. */
function randomElementName(): string {
  const letters = [...crypto.getRandomValues(new Uint8Array(16))].map((n) => String.fromCharCode(97 + (n % 26))).join('');
  return `x-${letters}`;
}
