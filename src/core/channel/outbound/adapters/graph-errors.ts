import { failure, SendResult } from './channel-adapter';
import { PlatformAnswer, retryAfterMs } from './platform-http';

/**
 * Graph API error codes that mean "later", though Meta answers them with a
 * 4xx: rate limits (4, 17, 32, 613, 80007, 130429, 131048, 131056) and
 * temporary trouble on Meta's side (1, 2, 131000, 131016, 133004).
 * Sources: Meta's WhatsApp Cloud API error-code table and the Graph API
 * "Handling errors" page.
 */
const RETRYABLE_GRAPH_CODES: ReadonlySet<number> = new Set([1, 2, 4, 17, 32, 613, 80007, 130429, 131000, 131016, 131048, 131056, 133004]);

/** WhatsApp: a free-form message outside the 24-hour window ("Re-engagement message"). */
export const WHATSAPP_REENGAGEMENT = 131047;
/** Messenger/Instagram: code 10, subcode 2018278, "This message is sent outside of allowed window". */
const MESSENGER_OUTSIDE_WINDOW_SUBCODE = 2018278;

interface GraphError {
  message?: string;
  code?: number;
  error_subcode?: number;
  type?: string;
}

/**
 * Turns a Graph API answer (WhatsApp Cloud API, Messenger/Instagram Send API)
 * into a {@link SendResult}: the message id on success, a typed failure
 * otherwise.
 *
 * @example
 * graphResult(answer, (body) => body.messages?.[0]?.id); // WhatsApp
 */
export function graphResult(answer: PlatformAnswer, idOf: (body: Record<string, unknown>) => unknown): SendResult {
  if (answer.kind === 'no-answer') return failure({ retryable: true, message: answer.error });
  const body = (answer.body ?? {}) as Record<string, unknown>;
  if (answer.status >= 200 && answer.status < 300) {
    const id = idOf(body);
    if (typeof id === 'string' && id) return { ok: true, platformMessageId: id };
    // Accepted without an id to track: a shape we do not know. Retrying could send it twice.
    return failure({ retryable: false, statusCode: answer.status, message: 'The platform accepted the message but returned no message id' });
  }
  const error = (body.error ?? {}) as GraphError;
  const code = typeof error.code === 'number' ? error.code : null;
  const windowClosed = code === WHATSAPP_REENGAGEMENT || (code === 10 && error.error_subcode === MESSENGER_OUTSIDE_WINDOW_SUBCODE);
  const retryable = !windowClosed && (answer.status >= 500 || answer.status === 429 || (code !== null && RETRYABLE_GRAPH_CODES.has(code)));
  return failure({
    retryable,
    statusCode: answer.status,
    platformCode: code === null ? null : String(code),
    windowClosed,
    message: `HTTP ${answer.status}${code !== null ? ` (${code}${error.error_subcode ? `/${error.error_subcode}` : ''})` : ''}: ${error.message ?? 'no error message'}`,
    retryAfterMs: retryAfterMs(answer.retryAfter),
  });
}
