import { CallerFlag } from '../core/caller/domain/caller-flag.entity';
import { OpdCategoryVersion } from '../core/opd/domain/opd-category-version.entity';
import { OpdCategory } from '../core/opd/domain/opd-category.entity';
import { Opd } from '../core/opd/domain/opd.entity';
import { ApiKey } from '../core/identity/domain/api-key.entity';
import { AuthSession } from '../core/identity/domain/auth-session.entity';
import { AuthSetting } from '../core/identity/domain/auth-setting.entity';
import { ReporterAccess } from '../core/identity/domain/reporter-access.entity';
import { StaffUser } from '../core/identity/domain/staff-user.entity';
import { District } from '../core/reference/district.entity';
import { SlaCalendar, SlaCalendarHoliday } from '../core/sla/domain/sla-calendar.entity';
import { SlaEscalation } from '../core/sla/domain/sla-escalation.entity';
import { SlaPolicy, SlaPolicyVersion } from '../core/sla/domain/sla-policy.entity';
import { TicketSla, TicketSlaClock } from '../core/sla/domain/ticket-sla.entity';
import { SlaComplianceDay, SlaComplianceDelta, SlaComplianceMonth } from '../core/sla/domain/sla-compliance-day.entity';
import { RateLimitLog } from '../infra/security/rate-limit-log.entity';
import { WebhookDelivery } from '../core/delivery/webhooks/domain/webhook-delivery.entity';
import { WebhookEndpoint } from '../core/delivery/webhooks/domain/webhook-endpoint.entity';
import { OutboxMessage, OutboxStream } from '../core/shared/outbox/outbox-message.entity';
import { StaffNotification } from '../core/delivery/notifications/staff-notification.entity';
import { Reporter } from '../core/ticket/domain/reporter.embeddable';
import { TicketEvent } from '../core/ticket/domain/ticket-event.entity';
import { TicketLocation } from '../core/ticket/domain/ticket-location.embeddable';
import { Ticket } from '../core/ticket/domain/ticket.entity';
import { Attachment, AttachmentUrlKey } from '../core/attachment/domain/attachment.entity';
import { Open311Client } from '../core/open311/domain/open311-client.entity';
import { ChannelConversation, ChannelEvent, ChannelLocation, ChannelMessage, ChannelOutboundQueue, ChannelTemplate, OfficialAccount } from '../core/channel';

/** Every entity the ORM maps; explicit so discovery is instant and complete. */
export const ENTITIES = [
  District,
  Ticket,
  Reporter,
  TicketLocation,
  TicketEvent,
  OutboxMessage,
  OutboxStream,
  Opd,
  OpdCategory,
  OpdCategoryVersion,
  SlaPolicy,
  SlaPolicyVersion,
  SlaCalendar,
  SlaCalendarHoliday,
  TicketSla,
  TicketSlaClock,
  SlaEscalation,
  SlaComplianceDay,
  SlaComplianceDelta,
  SlaComplianceMonth,
  StaffUser,
  AuthSession,
  AuthSetting,
  ApiKey,
  ReporterAccess,
  CallerFlag,
  RateLimitLog,
  WebhookEndpoint,
  WebhookDelivery,
  StaffNotification,
  Attachment,
  AttachmentUrlKey,
  Open311Client,
  OfficialAccount,
  ChannelConversation,
  ChannelLocation,
  ChannelMessage,
  ChannelEvent,
  ChannelOutboundQueue,
  ChannelTemplate,
] as const;
