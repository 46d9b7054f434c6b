/** What the citizen wants. Decides which lifecycle paths and SLA clocks apply. */
export enum TicketKind {
  INFORMATION = 'INFORMATION',
  COMPLAINT = 'COMPLAINT',
  EMERGENCY = 'EMERGENCY',
}

export enum TicketPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}

/** How the report reached the regency. */
export enum TicketChannel {
  PHONE = 'PHONE',
  SOCIAL_MEDIA = 'SOCIAL_MEDIA',
  WEB = 'WEB',
  OPEN311 = 'OPEN311',
  WALK_IN = 'WALK_IN',
  OPD_SYSTEM = 'OPD_SYSTEM',
}

export enum SocialPlatform {
  FACEBOOK = 'FACEBOOK',
  INSTAGRAM = 'INSTAGRAM',
  X = 'X',
  TIKTOK = 'TIKTOK',
  YOUTUBE = 'YOUTUBE',
  WHATSAPP = 'WHATSAPP',
  TELEGRAM = 'TELEGRAM',
  OTHER = 'OTHER',
}

export enum NoteVisibility {
  /** Staff only. */
  INTERNAL = 'INTERNAL',
  /** May be shown to the reporter. */
  PUBLIC = 'PUBLIC',
}
