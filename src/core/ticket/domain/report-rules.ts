import type { NewReport } from './new-report';
import { normalisePhone } from './phone-number';
import { Reporter } from './reporter.embeddable';
import { TicketLocation } from './ticket-location.embeddable';
import type { AttachmentRef } from './ticket.entity';
import { SocialPlatform, TicketChannel, TicketKind, TicketPriority } from './ticket.enums';
import { TicketException } from './ticket.exception';

/** A call entered after the fact is normal; a report from the future is a typo. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Older than this is not an intake but a data import, which needs its own path. */
export const MAX_REPORT_AGE_MS = 30 * 24 * 60 * 60 * 1000;

const DEFAULT_PRIORITY: Record<TicketKind, TicketPriority> = {
  [TicketKind.EMERGENCY]: TicketPriority.URGENT,
  [TicketKind.COMPLAINT]: TicketPriority.NORMAL,
  [TicketKind.INFORMATION]: TicketPriority.NORMAL,
};

/** The report after the rules: every field typed, defaulted and normalised. */
export interface AcceptedReport {
  kind: TicketKind;
  priority: TicketPriority;
  fieldResponse: boolean;
  channel: TicketChannel;
  channelPlatform: SocialPlatform | null;
  channelAccount: string | null;
  channelReference: string | null;
  reporter: Reporter;
  location: TicketLocation;
  categoryCode: string | null;
  opdCode: string | null;
  description: string;
  descriptionLanguage: string;
  translation: string | null;
  translationLanguage: string | null;
  attachments: AttachmentRef[];
  tags: string[];
  /** Filled by routing once the category is known. */
  attributes: Record<string, string | string[]>;
  reportedAt: Date;
}

/**
 * Applies the intake rules that a schema cannot express, collecting every
 * problem so the call taker fixes them in one go.
 *
 * @example
 * acceptReport({ kind: TicketKind.EMERGENCY, channel: TicketChannel.PHONE,
 *   description: 'Longsor', descriptionLanguage: 'id', reporter: { phone: '0812 3456 7890' } }, now);
 * // → priority URGENT, fieldResponse true, reporter.phone '+6281234567890', reportedAt now
 */
export function acceptReport(report: NewReport, now: Date): AcceptedReport {
  const problems: string[] = [];
  const reportedAt = report.reportedAt ?? now;
  if (reportedAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) problems.push('reportedAt is in the future');
  if (reportedAt.getTime() < now.getTime() - MAX_REPORT_AGE_MS) problems.push('reportedAt is more than 30 days ago');

  const reporter = new Reporter();
  const r = report.reporter ?? {};
  reporter.name = blankToNull(r.name);
  reporter.email = blankToNull(r.email)?.toLowerCase() ?? null;
  reporter.language = blankToNull(r.language);
  reporter.anonymous = r.anonymous ?? false;
  reporter.confidential = r.confidential ?? false;
  const phone = blankToNull(r.phone);
  if (phone) {
    reporter.phone = normalisePhone(phone);
    if (!reporter.phone) problems.push(`reporter.phone "${phone}" is not a valid phone number (tourists: include + and the country code)`);
  }
  const nik = blankToNull(r.nik)?.replace(/\s/g, '') ?? null;
  if (nik && !/^\d{16}$/.test(nik)) problems.push('reporter.nik must be 16 digits');
  reporter.nik = nik;

  const location = new TicketLocation();
  const l = report.location ?? {};
  location.latitude = l.latitude ?? null;
  location.longitude = l.longitude ?? null;
  if ((location.latitude === null) !== (location.longitude === null)) {
    problems.push('location needs both latitude and longitude, or neither');
  }
  location.address = blankToNull(l.address);
  location.district = blankToNull(l.district)?.toUpperCase() ?? null;
  location.village = blankToNull(l.village);
  location.landmark = blankToNull(l.landmark);

  const social = report.channel === TicketChannel.SOCIAL_MEDIA;
  const platform = report.channelPlatform ?? null;
  const account = blankToNull(report.channelAccount);
  if (social && (!platform || !account)) {
    problems.push('a social-media report needs channelPlatform and channelAccount (the official account it came in on)');
  }
  if (!social && platform) problems.push('channelPlatform is only for SOCIAL_MEDIA reports');

  const translation = blankToNull(report.translation);
  const translationLanguage = blankToNull(report.translationLanguage);
  if ((translation === null) !== (translationLanguage === null)) {
    problems.push('a translation needs its translationLanguage, and the other way round');
  }

  if (problems.length > 0) throw TicketException.invalidInput(problems);
  return {
    kind: report.kind,
    priority: report.priority ?? DEFAULT_PRIORITY[report.kind],
    fieldResponse: report.kind === TicketKind.EMERGENCY,
    channel: report.channel,
    channelPlatform: platform,
    channelAccount: account,
    channelReference: blankToNull(report.channelReference),
    reporter,
    location,
    categoryCode: blankToNull(report.categoryCode),
    opdCode: blankToNull(report.opdCode),
    description: report.description.trim(),
    descriptionLanguage: report.descriptionLanguage,
    translation,
    translationLanguage,
    attachments: (report.attachments ?? []).map((a) => ({ url: a.url, mediaType: a.mediaType, sizeBytes: a.sizeBytes ?? null })),
    tags: [...new Set((report.tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean))],
    attributes: {},
    reportedAt,
  };
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
