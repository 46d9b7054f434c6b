import { DynamicModule, Global, Module } from '@nestjs/common';
import { TICKET_ATTACHMENT_BINDER } from '../ticket';
import { AttachmentController } from './api/attachment.controller';
import { TicketFilesResolver } from './api/ticket-files.resolver';
import { AttachmentBinder } from './application/attachment-binder';
import { AttachmentDownloads } from './application/attachment-downloads';
import { ATTACHMENT_SETTINGS, type AttachmentSettings } from './application/attachment-settings';
import { ATTACHMENT_STORE } from './application/attachment-store';
import { DownloadLinks } from './application/download-links';
import { UploadAttachmentHandler } from './commands/upload-attachment/upload-attachment.handler';
import { LocalAttachmentStore } from './infrastructure/local-attachment.store';
import { OrphanCleanup } from './jobs/orphan-cleanup';
import { OrphanCleanupScheduler } from './jobs/orphan-cleanup.scheduler';

/**
 * Uploads (POST /attachments), signed downloads, `Ticket.files`, the ticket
 * domain's attachment binder and the orphan cleanup. Global so the ticket
 * domain's command runner finds the binder, as it finds the SLA event sink.
 */
@Global()
@Module({})
export class AttachmentModule {
  static forRoot(settings: AttachmentSettings): DynamicModule {
    return {
      module: AttachmentModule,
      controllers: [AttachmentController],
      providers: [
        { provide: ATTACHMENT_SETTINGS, useValue: settings },
        // The local folder by default; an object store replaces this one provider.
        { provide: ATTACHMENT_STORE, useFactory: () => new LocalAttachmentStore(settings.dir) },
        DownloadLinks,
        AttachmentBinder,
        { provide: TICKET_ATTACHMENT_BINDER, useExisting: AttachmentBinder },
        UploadAttachmentHandler,
        AttachmentDownloads,
        TicketFilesResolver,
        OrphanCleanup,
        OrphanCleanupScheduler,
      ],
      exports: [TICKET_ATTACHMENT_BINDER, OrphanCleanup],
    };
  }
}
