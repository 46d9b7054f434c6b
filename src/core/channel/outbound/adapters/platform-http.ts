/** What one HTTP call to a platform came back with. */
export type PlatformAnswer =
  | { readonly kind: 'answered'; readonly status: number; readonly body: unknown; readonly retryAfter: string | null }
  | { readonly kind: 'no-answer'; readonly error: string };

/**
 * POSTs JSON to a platform API with a time limit, and reads the JSON answer.
 * Network errors and time-outs come back as `no-answer` (retryable), never
 * as a throw. The URL and headers are never put into an error message: the
 * Telegram token sits in the URL's path, the Meta token in a header.
 *
 * @example
 * const answer = await postJson('https://graph.facebook.com/v21.0/123/messages', body, { authorization: `Bearer ${token}` }, 15_000);
 */
export async function postJson(url: string, body: unknown, headers: Record<string, string>, timeoutMs: number): Promise<PlatformAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'user-agent': 'Sigap-Channels/1.0', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
  } catch (error) {
    const e = error as { name?: string; cause?: { code?: string } };
    if (e.name === 'TimeoutError') return { kind: 'no-answer', error: `No answer within ${timeoutMs} ms` };
    return { kind: 'no-answer', error: `Network error${e.cause?.code ? ` ${e.cause.code}` : ''}` };
  }
  let text = '';
  try {
    text = await response.text();
  } catch {
    return { kind: 'no-answer', error: `HTTP ${response.status}, body cut off` };
  }
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = { unparsed: text.slice(0, 200) };
  }
  return { kind: 'answered', status: response.status, body: parsed, retryAfter: response.headers.get('retry-after') };
}

/** Retry-After as milliseconds (seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: Date = new Date()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** Joins a configured base URL and a path without doubling or losing the slash. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
