import { GRAPHQL_PATH, INTAKE_HEADERS } from './intake-request';

const CREATE = `mutation BenchRoutedCreate($input: CreateTicketInput!) {
  createTicket(input: $input) { __typename ... on TicketCreated { ticket { id version opdCode } } }
}`;
const NOTE = `mutation BenchNote($input: AddNoteInput!) {
  addNote(input: $input) { __typename ... on TicketChanged { ticket { id version } } }
}`;

/** A road complaint, routed to the roads agency at intake (so its webhook endpoint hears of it). */
const INPUT = {
  kind: 'COMPLAINT',
  channel: 'PHONE',
  description: 'Jalan berlubang di depan balai banjar, membahayakan pengendara.',
  descriptionLanguage: 'id',
  categoryCode: 'JALAN_RUSAK',
  location: { district: 'KINTAMANI', address: 'Jl. Raya Kintamani km 12' },
} as const;

/** A mutation's answer as the load saw it: `at` is when the answer arrived (after its commit). */
export interface Acknowledged {
  readonly ticketId: string;
  readonly version: number;
  readonly at: number;
}

const MAX_INFLIGHT = 128;

/**
 * The delivery bench's writers, open loop: `rate` creates a second, round
 * robin over the instances in service; each created ticket gets a note (a
 * lifecycle command) right after, so every ticket has two events. Requests
 * to a killed instance fail and are counted; what committed is read back
 * from the database at the end, not guessed from the answers.
 */
export class DeliveryLoad {
  readonly acknowledged: Acknowledged[] = [];
  sent = 0;
  failed = 0;
  skipped = 0;
  readonly firstErrors: string[] = [];
  private inflight = 0;
  private ticks = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly pending = new Set<Promise<void>>();
  private readonly started = performance.now();
  private turn = 0;

  constructor(
    private readonly urls: () => string[],
    private readonly rate: number,
  ) {
    this.schedule();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.all([...this.pending]);
  }

  private schedule(): void {
    const period = 1000 / this.rate;
    const due = Math.floor((performance.now() - this.started) / period);
    while (this.ticks <= due) {
      this.ticks++;
      if (this.inflight >= MAX_INFLIGHT) this.skipped++;
      else this.track(this.ticket());
    }
    this.timer = setTimeout(() => this.schedule(), Math.max(1, this.started + this.ticks * period - performance.now()));
  }

  private track(work: Promise<void>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private async ticket(): Promise<void> {
    this.inflight++;
    try {
      const created = await this.post<{ createTicket: { ticket?: { id: string; version: number } } }>(CREATE, { input: INPUT });
      const ticket = created?.createTicket.ticket;
      if (!ticket) return;
      this.acknowledged.push({ ticketId: ticket.id, version: ticket.version, at: Date.now() });
      const noted = await this.post<{ addNote: { ticket?: { id: string; version: number } } }>(NOTE, {
        input: { ticketId: ticket.id, expectedVersion: ticket.version, text: 'Warga menelepon lagi: lubang makin besar.' },
      });
      const after = noted?.addNote.ticket;
      if (after) this.acknowledged.push({ ticketId: after.id, version: after.version, at: Date.now() });
    } finally {
      this.inflight--;
    }
  }

  private async post<T>(query: string, variables: Record<string, unknown>): Promise<T | null> {
    const urls = this.urls();
    const url = urls[this.turn++ % urls.length];
    this.sent++;
    try {
      const response = await fetch(`${url}${GRAPHQL_PATH}`, {
        method: 'POST',
        headers: INTAKE_HEADERS,
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown };
      if (!response.ok || body.errors || !body.data) throw new Error(`HTTP ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 200)}`);
      return body.data;
    } catch (error) {
      this.failed++;
      if (this.firstErrors.length < 5) this.firstErrors.push((error as Error).message);
      return null;
    }
  }
}
