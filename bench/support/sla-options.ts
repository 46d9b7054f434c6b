import { parseArgs } from 'node:util';
import { UsageError } from './options';

export { UsageError } from './options';

export interface SlaBenchOptions {
  // Part A: sweep cost against open tickets
  readonly skipA: boolean;
  /** Open tickets of the baseline measurement. */
  readonly baselineOpen: number;
  /** Open tickets of the large measurement. */
  readonly open: number;
  /** Clocks made due before each measured "full" sweep (default = batch). */
  readonly dueRows: number;
  /** Clocks made due before each measured "partial" sweep (fewer than a batch, the usual tick). */
  readonly partialRows: number;
  readonly batch: number;
  readonly reps: number;
  // Part B: escalation lateness
  readonly skipB: boolean;
  /** Emergency tickets whose TRIAGE breach falls inside the window. */
  readonly due: number;
  readonly windowS: number;
  /** Seconds from the first create to the window's start (all creates must finish before). */
  readonly leadS: number;
  /** Seconds after the window before the results are read. */
  readonly marginS: number;
  /** Fixed rate of the create load beside it, requests per second (0: none). */
  readonly rate: number;
  /** Concurrent createTicket requests while creating the due tickets. */
  readonly concurrency: number;
  readonly restart: boolean;
  /** Also run the baseline: the same with only a once-a-second sweep (no precise timer). */
  readonly intervalBaseline: boolean;
}

export const SLA_USAGE = `Usage: npm run bench:sla -- [options]

Part A, sweep cost: SlaSweeper.sweepOnce(null, batch) at --baseline-open and at
--open open tickets (bulk-inserted), ratio large/baseline (goal ≤ 1.5).
Part B, lateness: --due emergency tickets through the API whose TRIAGE breach
falls inside a --window second window, two server instances, a create load
beside it and one instance restarted in the middle; recorded minus due time
(goal p99 ≤ 250 ms, done at ≤ 1.5 s; 0 missed, 0 duplicates). Baseline: the
same with only a once-a-second sweep.

Part A:
  --open <n>            open tickets, large measurement        (default 1000000)
  --baseline-open <n>   open tickets, baseline measurement     (default 10000)
  --due-rows <n>        due clocks per "full" sweep            (default = --batch)
  --partial-rows <n>    due clocks per "partial" sweep         (default 50)
  --batch <n>           sweepOnce batch size                   (default 500, the app default)
  --reps <n>            measured sweeps per row                (default 20)
  --skip-a              skip part A
Part B:
  --due <n>             tickets due inside the window          (default 5000)
  --window <s>          window length                          (default 60)
  --lead <s>            first create → window start            (default 120)
  --margin <s>          window end → results read              (default 15)
  --rate <r>            create load beside it, requests/s      (default 40; 0 = none)
  --concurrency <n>     concurrent creates of the due tickets  (default 8)
  --no-restart          do not restart an instance mid-window
  --no-baseline         skip the once-a-second-sweep baseline phase
  --skip-b              skip part B
  -h, --help            this text
`;

export function readSlaOptions(argv: string[] = process.argv.slice(2)): SlaBenchOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        open: { type: 'string' },
        'baseline-open': { type: 'string' },
        'due-rows': { type: 'string' },
        'partial-rows': { type: 'string' },
        batch: { type: 'string' },
        reps: { type: 'string' },
        'skip-a': { type: 'boolean', default: false },
        due: { type: 'string' },
        window: { type: 'string' },
        lead: { type: 'string' },
        margin: { type: 'string' },
        rate: { type: 'string' },
        concurrency: { type: 'string' },
        'no-restart': { type: 'boolean', default: false },
        'no-baseline': { type: 'boolean', default: false },
        'skip-b': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${SLA_USAGE}`);
  }
  if (values.help) return 'help';
  const batch = whole('--batch', values.batch, 500, 1);
  const options: SlaBenchOptions = {
    skipA: values['skip-a'] === true,
    baselineOpen: whole('--baseline-open', values['baseline-open'], 10_000, 1),
    open: whole('--open', values.open, 1_000_000, 1),
    dueRows: whole('--due-rows', values['due-rows'], batch, 1),
    partialRows: whole('--partial-rows', values['partial-rows'], 50, 1),
    batch,
    reps: whole('--reps', values.reps, 20, 1),
    skipB: values['skip-b'] === true,
    due: whole('--due', values.due, 5000, 1),
    windowS: whole('--window', values.window, 60, 1),
    leadS: whole('--lead', values.lead, 120, 10),
    marginS: whole('--margin', values.margin, 15, 1),
    rate: whole('--rate', values.rate, 40, 0),
    concurrency: whole('--concurrency', values.concurrency, 8, 1),
    restart: values['no-restart'] !== true,
    intervalBaseline: values['no-baseline'] !== true,
  };
  if (options.open < options.baselineOpen) throw new UsageError('--open must be at least --baseline-open');
  if (Math.max(options.dueRows, options.partialRows) > options.baselineOpen) {
    throw new UsageError('--due-rows and --partial-rows must not exceed --baseline-open');
  }
  return options;
}

function whole(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < min) throw new UsageError(`${name} must be a whole number ≥ ${min} (got "${raw}")`);
  return value;
}
