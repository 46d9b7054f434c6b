import { Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { Actor } from '../../actor';
import { accessFor, Authenticator } from '../../identity';
import { ATTACHMENT_SETTINGS, type AttachmentSettings } from '../application/attachment-settings';
import { AttachmentDownloads } from '../application/attachment-downloads';
import { UploadAttachmentCommand, type UploadedAttachment } from '../commands/upload-attachment/upload-attachment.command';
import { UploadAttachmentHandler } from '../commands/upload-attachment/upload-attachment.handler';
import { AttachmentException } from '../domain/attachment.exception';
import { asHttpError, httpError } from './attachment-http.errors';

/** The part of Fastify's request (with @fastify/multipart) the upload uses. */
interface UploadRequest {
  readonly headers: IncomingHttpHeaders;
  isMultipart(): boolean;
  file(options?: { limits?: Record<string, number> }): Promise<{ toBuffer(): Promise<Buffer> } | undefined>;
}

/** The part of Fastify's reply the download uses. */
interface DownloadReply {
  header(name: string, value: string): DownloadReply;
  send(payload: Readable): unknown;
}

/** Who may upload: whoever may add a note to some ticket (the permission table's Mutation.addNote). */
const UPLOAD_OPERATION = 'Mutation.addNote';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `POST /attachments` (multipart/form-data, one file field): authenticated
 * like GraphQL (Bearer token or API key), for the roles that may add notes;
 * answers 201 with the id to reference in createTicket, addNote, arriveOnSite,
 * resolveTicket or addAttachment. `GET /attachments/:id?exp&sig`: the bytes,
 * for whoever holds a link that is genuine and not expired (links come from
 * `Ticket.files`, i.e. only to those who may read the ticket).
 */
@Controller('attachments')
export class AttachmentController {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly upload: UploadAttachmentHandler,
    private readonly downloads: AttachmentDownloads,
    @Inject(ATTACHMENT_SETTINGS) private readonly settings: AttachmentSettings,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(@Req() req: UploadRequest): Promise<UploadedAttachment> {
    try {
      const actor = await this.uploader(req.headers);
      const bytes = await this.readFile(req);
      return await this.upload.execute(new UploadAttachmentCommand({ bytes, actor }));
    } catch (error) {
      throw asHttpError(error);
    }
  }

  @Get(':id')
  async download(@Param('id') id: string, @Query('exp') exp: unknown, @Query('sig') sig: unknown, @Res() reply: DownloadReply): Promise<void> {
    try {
      if (!UUID.test(id)) throw AttachmentException.linkInvalid();
      const file = await this.downloads.open(id.toLowerCase(), exp, sig);
      reply
        .header('content-type', file.mediaType)
        .header('content-length', String(file.size))
        // The type was sniffed and the content stripped; documents download, media display.
        .header('content-disposition', `${file.mediaType === 'application/pdf' ? 'attachment' : 'inline'}; filename="${file.id}"`)
        .header('cache-control', `private, max-age=${file.maxAgeSeconds}`)
        .send(file.stream);
    } catch (error) {
      throw asHttpError(error);
    }
  }

  private async uploader(headers: IncomingHttpHeaders): Promise<Actor> {
    const principal = await this.authenticator.authenticate(headers);
    if (!principal) throw httpError(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', 'Log in first: send Authorization: Bearer <access token>, or an OPD system\'s API key', { reason: 'MISSING' });
    const keyAllows = principal.kind !== 'API_KEY' || principal.permissions.has(UPLOAD_OPERATION);
    if (!accessFor(UPLOAD_OPERATION, principal.actor.role) || !keyAllows) {
      throw httpError(HttpStatus.FORBIDDEN, 'FORBIDDEN', `${principal.kind === 'API_KEY' ? 'This API key' : `The role ${principal.actor.role}`} may not upload attachments`);
    }
    return principal.actor;
  }

  private async readFile(req: UploadRequest): Promise<Buffer> {
    if (!req.isMultipart()) throw AttachmentException.badUpload('Send multipart/form-data with one file field');
    try {
      const part = await req.file({ limits: { fileSize: this.settings.maxBytes, files: 1 } });
      if (!part) throw AttachmentException.badUpload('The form has no file field');
      return await part.toBuffer();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const status = (error as { statusCode?: unknown }).statusCode;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw AttachmentException.tooLarge(this.settings.maxBytes);
      // @fastify/multipart's own refusals (too many parts, a broken form) are the client's: 400, never 500.
      if (typeof status === 'number' && status >= 400 && status < 500) throw AttachmentException.badUpload((error as Error).message);
      throw error;
    }
  }
}
