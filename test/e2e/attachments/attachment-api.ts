import type { Response } from 'supertest';
import { authHeaderFor } from '../../support/test-auth';
import type { TestActor, TestApp } from '../../support/test-app';

// Uploads and downloads as a client sends them: multipart to POST
// /attachments, GET on the signed link; and the ticket's files in GraphQL.

export interface UploadedView {
  id: string;
  kind: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
  position: { latitude: number; longitude: number } | null;
  url: string;
  urlExpiresAt: string;
}

export interface FileView {
  id: string;
  kind: string;
  mediaType: string;
  size: number;
  createdAt: string;
  attachedAt: string;
  eventSeq: number;
  latitude: number | null;
  longitude: number | null;
  url: string;
  urlExpiresAt: string;
}

export const TICKET_FILES = `query Files($id: ID) { ticket(id: $id) { id version files { id kind mediaType size createdAt attachedAt eventSeq latitude longitude url urlExpiresAt } } }`;

export class AttachmentApi {
  constructor(private readonly t: TestApp) {}

  /** POST /attachments with one file field, as `actor` (null: no credentials). */
  async upload(bytes: Buffer, actor: TestActor | null, file: { filename?: string; contentType?: string } = {}): Promise<Response> {
    let req = this.t.http().post('/attachments');
    if (actor) req = req.set(...(await authHeaderFor(this.t.app, this.t.clock, actor)));
    return req.attach('file', bytes, { filename: file.filename ?? 'upload.bin', contentType: file.contentType ?? 'application/octet-stream' });
  }

  /** An upload that must succeed. */
  async uploaded(bytes: Buffer, actor: TestActor, file: { filename?: string; contentType?: string } = {}): Promise<UploadedView> {
    const res = await this.upload(bytes, actor, file);
    if (res.status !== 201) throw new Error(`POST /attachments answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as UploadedView;
  }

  /** GET on a link, the body as bytes whatever its type. */
  download(url: string): Promise<Response> {
    return this.t
      .http()
      .get(url)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  }

  /** The ticket's files as `actor` reads them; null when the ticket is not found for it. */
  async files(ticketId: string, actor: TestActor): Promise<FileView[] | null> {
    const res = await this.t.gql<{ ticket: { files: FileView[] } | null }>(TICKET_FILES, { id: ticketId }, actor);
    if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data?.ticket?.files ?? null;
  }
}
