/**
 * The banner. Never in the manifest: the background injects it only into pages whose site has
 * news, so pages that match nothing carry no Caveat code at all.
 */
import { send } from '@/entrypoints/shared/messaging';
import { browserTranslator } from '@/entrypoints/shared/translator';
import { mountBanner } from './mount';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  // The answer goes back to the background (scripting.executeScript waits for it) and into its
  // record of what it decided for this page (core/navigation/decision.ts).
  async main(): Promise<'shown' | 'none'> {
    const answer = await send({ type: 'banner:get' });
    if (!answer.ok || answer.value.banner.length === 0) return 'none';
    const ids = answer.value.banner.map((i) => i.id);
    mountBanner(
      answer.value,
      {
        dismiss: () => send({ type: 'banner:dismiss', incidentIds: ids }),
        mute: () => send({ type: 'banner:mute' }),
      },
      browserTranslator(),
    );
    console.info('[caveat] banner shown');
    return 'shown';
  },
});
