import { EntityManager } from '@mikro-orm/postgresql';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { TicketModel } from '../../ticket';
import { DownloadLinks } from '../application/download-links';
import type { AttachmentKind } from '../media/media.sanitizer';
import { AttachmentFileModel } from './attachment-file.model';

interface FileRow {
  id: string;
  ticket_id: string;
  kind: AttachmentKind;
  media_type: string;
  size_bytes: number;
  created_at: Date;
  bound_at: Date;
  bound_seq: number;
  latitude: number | null;
  longitude: number | null;
}

interface LoaderContext {
  ticketFiles?: DataLoader<string, FileRow[]>;
}

/**
 * `Ticket.files`: the uploads bound to the ticket, each with a fresh signed
 * link. A field of the ticket, so it reaches exactly those who may read the
 * ticket (an OPD only its own tickets: the ticket query's scope, the
 * mutation's own ticket); unbound uploads never appear here. One query per
 * page of tickets.
 */
@Resolver(() => TicketModel)
export class TicketFilesResolver {
  constructor(
    private readonly em: EntityManager,
    private readonly links: DownloadLinks,
  ) {}

  @ResolveField(() => [AttachmentFileModel], { description: 'Uploaded photos, voice notes and documents, in the order the history attached them, with short-lived download links.' })
  async files(@Parent() ticket: TicketModel, @Context() context: LoaderContext): Promise<AttachmentFileModel[]> {
    context.ticketFiles ??= new DataLoader(async (ids: readonly string[]) => {
      const rows = await this.em.fork().getConnection().execute<FileRow[]>(
        `select id, ticket_id, kind, media_type, size_bytes, created_at, bound_at, bound_seq, latitude, longitude from attachment
          where ticket_id in (select cast(value as uuid) from jsonb_array_elements_text(cast(? as jsonb))) order by bound_seq, created_at, id`,
        [JSON.stringify(ids)],
      );
      const byTicket = new Map<string, FileRow[]>();
      for (const row of rows) byTicket.set(row.ticket_id, [...(byTicket.get(row.ticket_id) ?? []), row]);
      return ids.map((id) => byTicket.get(id) ?? []);
    });
    const rows = await context.ticketFiles.load(ticket.id);
    return rows.map((row) => {
      const link = this.links.sign(row.id);
      return Object.assign(new AttachmentFileModel(), {
        id: row.id,
        kind: row.kind,
        mediaType: row.media_type,
        size: row.size_bytes,
        createdAt: new Date(row.created_at),
        attachedAt: new Date(row.bound_at),
        eventSeq: row.bound_seq,
        latitude: row.latitude,
        longitude: row.longitude,
        url: link.url,
        urlExpiresAt: link.expiresAt,
      });
    });
  }
}
