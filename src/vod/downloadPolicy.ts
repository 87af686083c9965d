/**
 * Which URLs an image download may touch. Image URLs come from API answers and from redirects, and
 * the signed ones carry a signature in their query, so every hop is checked the same way:
 * - https anywhere; plain http only to this machine (the emulator, a local proxy): elsewhere the
 *   signed URL and the picture would cross the network in clear text;
 * - a redirect may not lead from another host to this machine (a remote server must not be able to
 *   make the extension host probe local services);
 * - at most `MAX_DOWNLOAD_REDIRECTS` redirects.
 * Errors name the host only: the URL's query may hold a signature.
 */
import { isLoopbackHost } from './endpoint';
import { VodError } from './errors';
import { msg, type Message } from './messages';

export const MAX_DOWNLOAD_REDIRECTS = 3;

/** Why `target` may not be fetched (after `previous`, for a redirect), or undefined when it may. */
export function downloadRefusal(target: URL, previous?: URL): VodError | undefined {
  const loopback = isLoopbackHost(target.hostname);
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    return refuse(msg('download.notHttps', { protocol: target.protocol.replace(/[^a-z0-9+.-]/gi, '').slice(0, 20) }));
  }
  if (target.protocol === 'http:' && !loopback) {
    return refuse(msg('download.plainHttp', { host: target.host }));
  }
  if (previous !== undefined && loopback && !isLoopbackHost(previous.hostname)) {
    return refuse(msg('download.redirectToLocal', { host: previous.host }));
  }
  if (target.username !== '' || target.password !== '') return refuse(msg('download.userInfo'));
  return undefined;
}

export function tooManyRedirects(host: string): VodError {
  return new VodError('invalidResponse', msg('download.tooManyRedirects', { host, max: MAX_DOWNLOAD_REDIRECTS }), {
    code: 'TooManyRedirects',
  });
}

function refuse(text: Message): VodError {
  return new VodError('invalidInput', text, { code: 'InsecureUrl' });
}
