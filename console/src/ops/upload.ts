import { currentTokens, refreshTokens } from '../auth/session';

/** What `POST /attachments` answers (docs/attachments.md). */
export interface Upload {
  readonly id: string;
  readonly kind: string;
  readonly mediaType: string;
  readonly url: string;
}

/** A refused upload: the server's code (BAD_UPLOAD, ATTACHMENT_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, …). */
export class UploadError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

async function send(file: Blob, name: string): Promise<Response> {
  const body = new FormData();
  body.append('file', file, name);
  const tokens = currentTokens();
  return fetch('/attachments', { method: 'POST', body, headers: tokens ? { authorization: `Bearer ${tokens.accessToken}` } : {} });
}

/**
 * Uploads one file with the session's credentials (same origin: CSP `connect-src 'self'`); the id then
 * goes in a command's `attachmentIds`. An expired access token is renewed once, as for GraphQL.
 */
export async function uploadAttachment(file: File): Promise<Upload> {
  let response = await send(file, file.name || 'photo.jpg');
  if (response.status === 401 && (await refreshTokens())) response = await send(file, file.name || 'photo.jpg');
  const json = (await response.json().catch(() => null)) as (Upload & { error?: { code: string; message: string } }) | null;
  if (!response.ok || !json || json.error) throw new UploadError(json?.error?.code ?? `HTTP_${response.status}`, json?.error?.message ?? response.statusText);
  return json;
}
