import type { SocialPlatform, TicketChannel, TicketKind, TicketPriority } from './ticket.enums';

/**
 * A report as intake receives it, before the domain rules normalise it.
 * Absent optional values are null or undefined alike.
 */
export interface NewReport {
  readonly kind: TicketKind;
  readonly priority?: TicketPriority | null;
  readonly channel: TicketChannel;
  readonly channelPlatform?: SocialPlatform | null;
  readonly channelAccount?: string | null;
  readonly channelReference?: string | null;
  readonly reporter?: {
    readonly name?: string | null;
    readonly phone?: string | null;
    readonly email?: string | null;
    readonly language?: string | null;
    readonly nik?: string | null;
    readonly anonymous?: boolean | null;
    readonly confidential?: boolean | null;
  } | null;
  readonly location?: {
    readonly latitude?: number | null;
    readonly longitude?: number | null;
    readonly address?: string | null;
    readonly district?: string | null;
    readonly village?: string | null;
    readonly landmark?: string | null;
  } | null;
  readonly categoryCode?: string | null;
  readonly opdCode?: string | null;
  readonly description: string;
  readonly descriptionLanguage: string;
  readonly translation?: string | null;
  readonly translationLanguage?: string | null;
  readonly attachments?: ReadonlyArray<{ url: string; mediaType: string; sizeBytes?: number | null }> | null;
  readonly tags?: readonly string[] | null;
  /** Answers to the category's questions, by attribute code. */
  readonly attributes?: Readonly<Record<string, string | readonly string[]>> | null;
  /** When the citizen reported; defaults to now. */
  readonly reportedAt?: Date | null;
}
