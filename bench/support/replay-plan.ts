import { randomUUID } from 'node:crypto';
import type { CreatedTicket } from './intake-request';
import type { TappedStatement } from './sql-tap';

/**
 * The captured statements of one createTicket, turned into templates the
 * baseline can run again and again: the ORM sends its values inline, so the
 * SQL text is replayed byte for byte except for what must differ per ticket
 * (fresh UUIDs for every UUID seen, the current time for every timestamp, the
 * ticket number rebuilt from the baseline's own nextval()).
 */
export interface ReplayPlan {
  readonly steps: readonly ReplayStep[];
  readonly uuidSlots: number;
  readonly statementCount: number;
}

/** Statements outside a transaction run on any pooled connection; a transaction on one checked-out client. */
export type ReplayStep =
  | { readonly kind: 'single'; readonly statement: StatementTemplate }
  | { readonly kind: 'transaction'; readonly statements: readonly StatementTemplate[] };

export interface StatementTemplate {
  readonly text: Template;
  /** A Template for each string value, the other values as captured. */
  readonly values: readonly unknown[];
  /** Its result's first value is the next ticket sequence number. */
  readonly yieldsSequence: boolean;
}

type Part = string | { readonly uuid: number } | { readonly now: true } | { readonly number: true };
export class Template {
  constructor(readonly parts: readonly Part[]) {}
}

/** Per replayed ticket: the values that differ from one ticket to the next. */
export interface ReplayContext {
  readonly uuids: string[];
  readonly now: string;
  sequence: number | null;
}

const UUID_SOURCE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ISO_SOURCE = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z';

export function buildReplayPlan(statements: readonly TappedStatement[], created: CreatedTicket): ReplayPlan {
  if (!/\d+$/.test(created.number)) throw new Error(`Ticket number ${created.number} does not end in its sequence digits`);
  const tokens = new RegExp(`(${UUID_SOURCE})|(${ISO_SOURCE})|(${escapeRegExp(created.number)})`, 'g');
  const uuidIndex = new Map<string, number>();
  let numberSeen = false;

  const template = (text: string): Template => {
    const parts: Part[] = [];
    let last = 0;
    for (const match of text.matchAll(tokens)) {
      if (match.index > last) parts.push(text.slice(last, match.index));
      if (match[1] !== undefined) {
        if (!uuidIndex.has(match[1])) uuidIndex.set(match[1], uuidIndex.size);
        parts.push({ uuid: uuidIndex.get(match[1])! });
      } else if (match[2] !== undefined) {
        parts.push({ now: true });
      } else {
        numberSeen = true;
        parts.push({ number: true });
      }
      last = match.index + match[0].length;
    }
    if (last < text.length) parts.push(text.slice(last));
    return new Template(parts);
  };

  const toTemplate = (s: TappedStatement): StatementTemplate => ({
    text: template(s.text),
    values: s.values.map((v) => (typeof v === 'string' ? template(v) : v)),
    // Only a statement that just draws the number; one that writes it draws its own.
    yieldsSequence: /^\s*(begin\s*;\s*)?select\s+nextval\s*\(/i.test(s.text),
  });

  const steps: ReplayStep[] = [];
  let open: { statements: StatementTemplate[]; conn: number } | null = null;
  for (const s of statements) {
    const t = toTemplate(s);
    if (open) {
      if (s.conn !== open.conn) throw new Error(`The captured transaction switched connections (${open.conn} → ${s.conn}): cannot replay it`);
      open.statements.push(t);
      if (/^\s*(commit|rollback|end)\b/i.test(s.text)) {
        steps.push({ kind: 'transaction', statements: open.statements });
        open = null;
      }
    } else if (/^\s*(begin|start\s+transaction)\b/i.test(s.text)) {
      open = { statements: [t], conn: s.conn };
    } else {
      steps.push({ kind: 'single', statement: t });
    }
  }
  if (open) throw new Error('The captured statements end inside a transaction (no COMMIT)');
  if (!uuidIndex.has(created.id)) throw new Error(`The new ticket's id ${created.id} appears in no captured statement`);
  if (numberSeen && !statements.some((s) => /\bnextval\s*\(/i.test(s.text))) {
    throw new Error('The ticket number is written but no nextval() was captured to number the replayed tickets');
  }
  return { steps, uuidSlots: uuidIndex.size, statementCount: statements.length };
}

export function newContext(plan: ReplayPlan): ReplayContext {
  const uuids: string[] = [];
  for (let i = 0; i < plan.uuidSlots; i++) uuids.push(randomUUID());
  return { uuids, now: new Date().toISOString(), sequence: null };
}

export function render(template: Template, ctx: ReplayContext, capturedNumber: string): string {
  let out = '';
  for (const part of template.parts) {
    if (typeof part === 'string') out += part;
    else if ('uuid' in part) out += ctx.uuids[part.uuid];
    else if ('now' in part) out += ctx.now;
    else {
      if (ctx.sequence === null) throw new Error('A replayed statement needs the ticket number before nextval() ran');
      const seq = ctx.sequence;
      out += capturedNumber.replace(/\d+$/, (digits) => String(seq).padStart(digits.length, '0'));
    }
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
