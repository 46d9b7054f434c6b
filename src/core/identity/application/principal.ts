import type { Actor } from '../../actor';

/**
 * Who is calling, once authenticated: a staff member (with a session) or an
 * OPD system (with an API key and its permissions).
 *
 * @example
 * if (principal.kind === 'API_KEY' && !principal.permissions.has('Query.tickets')) …
 */
export type Principal =
  | { readonly kind: 'USER'; readonly actor: Actor; readonly sessionId: string }
  | { readonly kind: 'API_KEY'; readonly actor: Actor; readonly apiKeyId: string; readonly permissions: ReadonlySet<string> };
