import { browser } from 'wxt/browser';
import type { Request, Response, ResponseFor } from '@/core/messaging/protocol';

/**
 * The one way the extension's pages and the banner talk to the background: the answer's type
 * follows the request's type (`send({ type: 'site:mute', … })` resolves to `Response<string[]>`).
 * The background validates every request and checks its sender (core/messaging/message-handler.ts).
 */
export function send<R extends Request>(request: R): Promise<Response<ResponseFor[R['type']]>> {
  return browser.runtime.sendMessage(request) as Promise<Response<ResponseFor[R['type']]>>;
}
