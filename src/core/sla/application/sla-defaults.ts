import type { CategoryKind, OpdModuleDefinition, SlaTargetDefinition } from '../../opd';
import { TICKET_LIFECYCLE, TicketState } from '../../ticket';
import { STANDARD_CALENDAR_CODES } from '../calendar';
import { METRIC_DEFAULTS, MetricDefinition, SlaMetricCode } from '../domain/sla-metric';
import { SlaPolicySource } from '../domain/sla-policy.entity';

/** A policy the code ships; admins may take one over, and then code leaves it alone. */
export interface DefaultPolicy {
  readonly name: string;
  readonly source: SlaPolicySource;
  readonly opdCode: string | null;
  readonly categoryCode: string | null;
  readonly kind: string | null;
  readonly priority: string | null;
  readonly metrics: readonly MetricDefinition[];
}

/** The states the lifecycle table marks as pausing clocks (ON_HOLD). */
export const LIFECYCLE_PAUSE_STATES: readonly TicketState[] = (Object.keys(TICKET_LIFECYCLE.states) as TicketState[]).filter(
  (state) => TICKET_LIFECYCLE.states[state].pausesClocks,
);

const WARNINGS = [0.5, 0.75, 0.9];
const { ALWAYS, WORKING_DAYS } = STANDARD_CALENDAR_CODES;
/** One working day of the WORKING_DAYS calendar (08:00-16:00). */
const WORKING_DAY = 480;

function metric(code: SlaMetricCode, targetMinutes: number, calendar: string, overrides: Partial<MetricDefinition> = {}): MetricDefinition {
  return { metric: code, ...METRIC_DEFAULTS[code], pauseStates: LIFECYCLE_PAUSE_STATES, calendar, targetMinutes, warnings: WARNINGS, ...overrides };
}

/**
 * The regency-wide rules, for every OPD: the programme's two hours on site for
 * emergencies, and SP4N-LAPOR!'s working-day limits for complaints (3 working
 * days to verify and forward, 5 for the agency to follow up). OPD modules
 * tighten them; the most specific policy wins per clock.
 */
export const CORE_POLICIES: readonly DefaultPolicy[] = [
  {
    name: 'Emergency: on site within 2 hours of the report (Bangli Era Baru)',
    source: SlaPolicySource.CORE,
    opdCode: null,
    categoryCode: null,
    kind: 'EMERGENCY',
    priority: null,
    metrics: [
      // The call centre classifies and routes while the caller is still on the line.
      metric('TRIAGE', 5, ALWAYS),
      metric('ACKNOWLEDGE', 15, ALWAYS),
      metric('ON_SITE', 120, ALWAYS),
    ],
  },
  {
    name: 'Complaint: verify and forward in 3 working days, follow up in 5 (SP4N-LAPOR!)',
    source: SlaPolicySource.CORE,
    opdCode: null,
    categoryCode: null,
    kind: 'COMPLAINT',
    priority: null,
    metrics: [
      // "Forwarded" is the dispatch, so the call centre's clock runs until then.
      metric('TRIAGE', 3 * WORKING_DAY, WORKING_DAYS, { stop: 'DISPATCHED' }),
      metric('ACKNOWLEDGE', WORKING_DAY, WORKING_DAYS),
      metric('RESOLVE', 5 * WORKING_DAY, WORKING_DAYS),
    ],
  },
  {
    name: 'Information request: answered within one working day',
    source: SlaPolicySource.CORE,
    opdCode: null,
    categoryCode: null,
    kind: 'INFORMATION',
    priority: null,
    metrics: [metric('TRIAGE', WORKING_DAY, WORKING_DAYS)],
  },
];

/**
 * An OPD module's SLA targets as policies: one per (category or kind) they
 * name, warnings at the fractions of the module's own ladder.
 */
export function modulePolicies(module: OpdModuleDefinition): DefaultPolicy[] {
  const fractions = module.escalation.flatMap((level) => (level.at === 'BREACH' ? [] : [level.at.fraction]));
  const warnings = fractions.length ? fractions : WARNINGS;
  const groups = new Map<string, { category: string | null; kind: CategoryKind | null; targets: SlaTargetDefinition[] }>();
  for (const target of module.sla) {
    const category = target.category ?? null;
    const kind = category ? null : (target.kind ?? null);
    const key = `${category}|${kind}`;
    const group = groups.get(key) ?? { category, kind, targets: [] };
    group.targets.push(target);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ category, kind, targets }) => ({
    name: `${module.code}: ${category ?? kind ?? 'all tickets'}`,
    source: SlaPolicySource.MODULE,
    opdCode: module.code,
    categoryCode: category,
    kind,
    priority: null,
    metrics: targets.map((t) => metric(t.metric, t.targetMinutes, t.calendar, { warnings })),
  }));
}
