/**
 * Part B's HTTP side: the server instances as a pool that requests are
 * spread over (one can be taken out for a restart), the emergency tickets
 * whose breach is measured, and the fixed-rate create load beside them.
 */
import { performance } from 'node:perf_hooks';
import { clip, GRAPHQL_PATH, INTAKE_BODY, INTAKE_HEADERS, parseCreated } from './intake-request';
import type { SigapServer } from './server';

const CREATE_MUTATION = `mutation SlaBenchCreate($input: CreateTicketInput!) {
  createTicket(input: $input) {
    __typename
    ... on TicketCreated { ticket { id number version } }
  }
}`;

/** An emergency by phone; the TRIAGE clock (5 min, 24x7) starts at reportedAt. */
export function emergencyBody(reportedAt: Date, i: number): string {
  return JSON.stringify({
    operationName: 'SlaBenchCreate',
    query: CREATE_MUTATION,
    variables: {
      input: {
        kind: 'EMERGENCY',
        channel: 'PHONE',
        description: `Kebakaran rumah warga, api membesar (uji SLA ${i})`,
        descriptionLanguage: 'id',
        reporter: { phone: '0812-3456-7890' },
        location: { district: 'KINTAMANI', address: 'Jl. Raya Kintamani km 12, Desa Batur' },
        reportedAt: reportedAt.toISOString(),
      },
    },
  });
}

interface Member {
  readonly name: string;
  server: SigapServer;
  routable: boolean;
  inflight: number;
}

/** Server instances sharing one database; requests go round-robin to those in service. */
export class ServerPool {
  private readonly members: Member[] = [];
  private turn = 0;

  add(name: string, server: SigapServer): void {
    this.members.push({ name, server, routable: true, inflight: 0 });
  }

  get(name: string): SigapServer {
    return this.member(name).server;
  }

  /** Takes an instance out of rotation and waits for its requests in flight. */
  async drain(name: string): Promise<void> {
    const member = this.member(name);
    member.routable = false;
    while (member.inflight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  /** Puts an instance (perhaps a new process) back into rotation. */
  restore(name: string, server: SigapServer): void {
    const member = this.member(name);
    member.server = server;
    member.routable = true;
  }

  /** POSTs a GraphQL body to the next instance in service; the body text and status. */
  async post(body: string): Promise<{ status: number; text: string; ms: number }> {
    const live = this.members.filter((m) => m.routable);
    if (live.length === 0) throw new Error('no server instance in service');
    const member = live[this.turn++ % live.length];
    member.inflight++;
    const t0 = performance.now();
    try {
      const response = await fetch(`${member.server.baseUrl}${GRAPHQL_PATH}`, {
        method: 'POST',
        headers: INTAKE_HEADERS, // with the call taker's token from authorizeBench
        body,
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      return { status: response.status, text, ms: performance.now() - t0 };
    } finally {
      member.inflight--;
    }
  }

  private member(name: string): Member {
    const member = this.members.find((m) => m.name === name);
    if (!member) throw new Error(`no server instance named ${name}`);
    return member;
  }
}

export interface CreatedDue {
  readonly ids: string[];
  /** performance.now() of the first request and of the last response. */
  readonly firstAt: number;
  readonly lastAt: number;
  readonly latenciesMs: number[];
}

/** Creates one emergency per `reportedAt`, `concurrency` at a time; any failure fails the run. */
export async function createDueTickets(pool: ServerPool, reportedAts: readonly Date[], concurrency: number): Promise<CreatedDue> {
  const ids = new Array<string>(reportedAts.length);
  const latenciesMs: number[] = [];
  let next = 0;
  const firstAt = performance.now();
  const worker = async (): Promise<void> => {
    while (next < reportedAts.length) {
      const i = next++;
      const { status, text, ms } = await pool.post(emergencyBody(reportedAts[i], i));
      if (status !== 200) throw new Error(`createTicket (due ticket ${i}) answered HTTP ${status}: ${clip(text)}`);
      ids[i] = parseCreated(text).id;
      latenciesMs.push(ms);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, reportedAts.length) }, worker));
  return { ids, firstAt, lastAt: performance.now(), latenciesMs };
}

export interface CreateLoadResult {
  readonly sent: number;
  readonly ok: number;
  readonly failed: number;
  /** Ticks skipped because too many requests were still in flight. */
  readonly skipped: number;
  readonly elapsedS: number;
  readonly latenciesMs: number[];
  readonly firstErrors: string[];
}

const MAX_INFLIGHT = 64;

/**
 * Complaints (the intake bench's request) at a fixed rate, open loop: one
 * request every 1/rate s whatever the answers take, at most 64 in flight.
 */
export class CreateLoad {
  private sent = 0;
  private ok = 0;
  private failed = 0;
  private skipped = 0;
  private inflight = 0;
  private readonly latenciesMs: number[] = [];
  private readonly firstErrors: string[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly started = performance.now();
  private stoppedAt = 0;
  private ticks = 0;
  private readonly pending = new Set<Promise<void>>();

  private constructor(
    private readonly pool: ServerPool,
    private readonly rate: number,
  ) {}

  static start(pool: ServerPool, rate: number): CreateLoad {
    const load = new CreateLoad(pool, rate);
    if (rate > 0) load.schedule();
    return load;
  }

  /** For progress lines. */
  snapshot(): string {
    return `${this.ok} ok, ${this.failed} failed, ${this.inflight} in flight`;
  }

  async stop(): Promise<CreateLoadResult> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stoppedAt ||= performance.now();
    await Promise.all([...this.pending]);
    return {
      sent: this.sent,
      ok: this.ok,
      failed: this.failed,
      skipped: this.skipped,
      elapsedS: (this.stoppedAt - this.started) / 1000,
      latenciesMs: this.latenciesMs,
      firstErrors: this.firstErrors,
    };
  }

  private schedule(): void {
    const period = 1000 / this.rate;
    const due = Math.floor((performance.now() - this.started) / period);
    while (this.ticks <= due) {
      this.ticks++;
      if (this.inflight >= MAX_INFLIGHT) this.skipped++;
      else this.fire();
    }
    this.timer = setTimeout(() => this.schedule(), Math.max(1, this.started + this.ticks * period - performance.now()));
  }

  private fire(): void {
    this.sent++;
    this.inflight++;
    const request = this.pool
      .post(INTAKE_BODY)
      .then(({ status, text, ms }) => {
        if (status === 200 && text.includes('"__typename":"TicketCreated"') && !text.includes('"errors"')) {
          this.ok++;
          this.latenciesMs.push(ms);
        } else this.fail(`HTTP ${status}: ${clip(text, 300)}`);
      })
      .catch((error: unknown) => this.fail(error instanceof Error ? error.message : String(error)))
      .finally(() => {
        this.inflight--;
        this.pending.delete(request);
      });
    this.pending.add(request);
  }

  private fail(message: string): void {
    this.failed++;
    if (this.firstErrors.length < 3) this.firstErrors.push(message);
  }
}
