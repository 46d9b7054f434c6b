import { print } from 'graphql';
import { graphql } from '../gql';

/**
 * The signed-in session's tokens. Kept in sessionStorage: a reload keeps the call taker signed in, closing
 * the tab ends it, and another tab signs in on its own (two people may share a desk, never a tab).
 */
export interface SessionTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
}

const STORAGE_KEY = 'sigap.session';
type Listener = (tokens: SessionTokens | null) => void;
const listeners = new Set<Listener>();

export function currentTokens(): SessionTokens | null {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<SessionTokens>;
    return parsed.accessToken && parsed.refreshToken ? { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken } : null;
  } catch {
    return null;
  }
}

export function storeTokens(tokens: SessionTokens | null): void {
  if (tokens) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
  else sessionStorage.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener(tokens);
}

/** Called with the new tokens (or null when the session ended). */
export function onTokensChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const RefreshSession = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      accessToken
      refreshToken
    }
  }
`);

let refreshing: Promise<SessionTokens | null> | null = null;

/**
 * Trades the refresh token for new tokens, once for every caller waiting at the same time: a refresh token
 * is single use, and presenting a spent one again ends the session on the server.
 * Resolves null (and signs out) when the session cannot be renewed.
 */
export function refreshTokens(): Promise<SessionTokens | null> {
  refreshing ??= (async () => {
    const tokens = currentTokens();
    if (!tokens) return null;
    try {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: print(RefreshSession), variables: { refreshToken: tokens.refreshToken } }),
      });
      const body = (await response.json()) as { data?: { refreshSession?: SessionTokens } | null };
      const next = body.data?.refreshSession ?? null;
      storeTokens(next ? { accessToken: next.accessToken, refreshToken: next.refreshToken } : null);
      return next;
    } catch {
      // An outage is not a signed-out session: keep the tokens, the next request tries again.
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}
