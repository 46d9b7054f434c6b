/**
 * The ticket milestones a reporter hears about on the channel the report
 * came from, once each. Keys of `channel_template` rows.
 */
export enum Milestone {
  /** The ticket exists: its number. */
  RECEIVED = 'RECEIVED',
  /** Dispatched (or reassigned) to an OPD. */
  ROUTED = 'ROUTED',
  /** The OPD's team arrived on site. */
  ON_SITE = 'ON_SITE',
  RESOLVED = 'RESOLVED',
}

/** Template keys that are not milestones: FOLLOW_UP opens a closed WhatsApp window for a call taker. */
export const TEMPLATE_KEYS: readonly string[] = [...Object.values(Milestone), 'FOLLOW_UP'];

/** The ticket outbox topics (`ticket.<command lowercased>`) that are milestones. */
const BY_TOPIC: Readonly<Record<string, Milestone>> = {
  'ticket.dispatch': Milestone.ROUTED,
  'ticket.reassign': Milestone.ROUTED,
  'ticket.arrive': Milestone.ON_SITE,
  'ticket.resolve': Milestone.RESOLVED,
};

/**
 * The milestone an outbox message is, if any. RECEIVED is not read from
 * `ticket.created`: a ticket made from a conversation is linked to it just
 * after it is created, so the link's own transaction queues RECEIVED.
 *
 * @example
 * milestoneOf('ticket.arrive'); // Milestone.ON_SITE
 * milestoneOf('ticket.add_note'); // null
 */
export function milestoneOf(topic: string): Milestone | null {
  return BY_TOPIC[topic] ?? null;
}

/** What a template's placeholders stand for. */
export interface TemplateValues {
  readonly ticketNumber?: string | null;
  readonly opdName?: string | null;
}

const PLACEHOLDER = /\{\{(ticketNumber|opdName)\}\}/g;

/**
 * Fills a template's body, and lists the values in the order their
 * placeholders appear: the body parameters of the approved WhatsApp template.
 *
 * @example
 * renderTemplate('Laporan {{ticketNumber}} diteruskan ke {{opdName}}', { ticketNumber: 'BGL-1', opdName: 'BPBD' });
 * // { text: 'Laporan BGL-1 diteruskan ke BPBD', parameters: ['BGL-1', 'BPBD'] }
 */
export function renderTemplate(body: string, values: TemplateValues): { text: string; parameters: string[] } {
  const parameters: string[] = [];
  const text = body.replace(PLACEHOLDER, (_, name: keyof TemplateValues) => {
    const value = values[name] ?? '-';
    parameters.push(value);
    return value;
  });
  return { text, parameters };
}

/**
 * Whether every placeholder of `body` has a value here. A call taker's reply
 * has no ticket to fill `{{ticketNumber}}` from, and a template that would
 * reach the citizen with "-" in its place is neither offered nor sent.
 *
 * @example
 * fillable('Laporan {{ticketNumber}} selesai', {}); // false
 */
export function fillable(body: string, values: TemplateValues): boolean {
  return [...body.matchAll(PLACEHOLDER)].every((m) => Boolean(values[m[1] as keyof TemplateValues]));
}

/** Placeholders a body may use; anything else in `{{…}}` is a typo an admin should hear about. */
export function unknownPlaceholders(body: string): string[] {
  return [...body.matchAll(/\{\{([^}]*)\}\}/g)].map((m) => m[1]).filter((name) => name !== 'ticketNumber' && name !== 'opdName');
}

/**
 * The base language of a BCP 47 tag (`en-US` → `en`), falling back to
 * Indonesian, the regency's language, when none is known.
 */
export function baseLanguage(tag: string | null | undefined): string {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return /^[a-z]{2,3}$/.test(base) ? base : 'id';
}
