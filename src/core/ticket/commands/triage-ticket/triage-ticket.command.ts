import type { TicketKind, TicketPriority } from '../../domain/ticket.enums';
import { TicketCommandBase, type TicketCommandParams } from '../ticket-command.base';

/** What TriageTicketCommand is built from. */
export interface TriageTicketParams extends TicketCommandParams {
  readonly kind: TicketKind;
  readonly categoryCode: string;
  /** Required, may be null: the category decides; a different OPD here is refused. */
  readonly opdCode: string | null;
  /** Omitted or null: URGENT for emergencies, otherwise the ticket's current priority. */
  readonly priority?: TicketPriority | null;
  /** Omitted or null: true for emergencies, false otherwise. */
  readonly fieldResponse?: boolean | null;
  /** Omitted: null (the district stays as reported). */
  readonly district?: string | null;
  /** Answers to the category's questions, merged over those given at intake; omitted: none. */
  readonly attributes?: Readonly<Record<string, string | readonly string[]>>;
}

/**
 * The call centre classifies a report: kind and category, which decides the responsible OPD.
 *
 * @example
 * new TriageTicketCommand({
 *   ticketId, expectedVersion: 3, actor,
 *   kind: TicketKind.COMPLAINT, categoryCode: 'JALAN_RUSAK', opdCode: null,
 *   fieldResponse: true, attributes: { DEPTH: '30' },
 * });
 */
export class TriageTicketCommand extends TicketCommandBase {
  readonly kind: TicketKind;
  readonly categoryCode: string;
  /** Optional: the category decides; a different OPD here is refused. */
  readonly opdCode: string | null;
  /** Defaults: URGENT for emergencies, otherwise the ticket's current priority. */
  readonly priority: TicketPriority | null;
  /** Defaults to true for emergencies, false otherwise. */
  readonly fieldResponse: boolean | null;
  readonly district: string | null;
  /** Answers to the category's questions, merged over those given at intake. */
  readonly attributes: Readonly<Record<string, string | readonly string[]>>;

  constructor(p: TriageTicketParams) {
    super(p);
    this.kind = p.kind;
    this.categoryCode = p.categoryCode;
    this.opdCode = p.opdCode;
    this.priority = p.priority ?? null;
    this.fieldResponse = p.fieldResponse ?? null;
    this.district = p.district ?? null;
    this.attributes = p.attributes ?? {};
  }
}
