import { ENABLED_OPD_MODULES } from '../../../config/opd-modules';
import { bpbd } from '../../../modules/bpbd/bpbd.opd';
import type { OpdModuleDefinition } from '../../../src/core/opd';
import { TicketState as S } from '../../../src/core/ticket/lifecycle';
import type { TicketContext } from '../../../src/core/ticket/domain/ticket-context';
import { SlaPolicySource } from '../../../src/core/sla/domain/sla-policy.entity';
import { PolicyRecord, resolveMetrics } from '../../../src/core/sla/domain/sla-policy.resolver';
import { CORE_POLICIES, DefaultPolicy, LIFECYCLE_PAUSE_STATES, modulePolicies } from '../../../src/core/sla/application/sla-defaults';

const LADDER_WARNINGS = [0.5, 0.75, 0.9];

/** Metric -> "target calendar start->stop" for compact expectations. */
const metricsOf = (policy: DefaultPolicy | undefined) =>
  Object.fromEntries((policy?.metrics ?? []).map((m) => [m.metric, `${m.targetMinutes} ${m.calendar} ${m.start}->${m.stop}`]));

const asRecord = (p: DefaultPolicy): PolicyRecord => ({
  id: `${p.opdCode ?? 'CORE'}:${p.categoryCode ?? p.kind}`, opdCode: p.opdCode, categoryCode: p.categoryCode, kind: p.kind, priority: p.priority,
  versions: [{ version: 1, effectiveFrom: '2026-01-01T00:00:00.000Z', active: true, metrics: p.metrics }],
});

describe('LIFECYCLE_PAUSE_STATES', () => {
  it('is what the lifecycle table marks as pausing clocks: ON_HOLD', () => {
    expect(LIFECYCLE_PAUSE_STATES).toEqual([S.ON_HOLD]);
  });
});

describe('CORE_POLICIES', () => {
  const byKind = (kind: string) => CORE_POLICIES.find((p) => p.kind === kind);

  it('are one regency-wide policy per kind, matching on kind alone', () => {
    expect(CORE_POLICIES.map((p) => p.kind)).toEqual(['EMERGENCY', 'COMPLAINT', 'INFORMATION']);
    for (const p of CORE_POLICIES) expect(p).toMatchObject({ source: SlaPolicySource.CORE, opdCode: null, categoryCode: null, priority: null });
  });

  it('emergency: triage in 5 minutes, acknowledge in 15, on site 2 hours after the report, round the clock', () => {
    expect(metricsOf(byKind('EMERGENCY'))).toEqual({
      TRIAGE: '5 24x7 REPORTED->TRIAGED',
      ACKNOWLEDGE: '15 24x7 DISPATCHED->ACKNOWLEDGED',
      ON_SITE: '120 24x7 REPORTED->ON_SITE',
    });
  });

  it('complaint: SP4N-LAPOR! working days (3 to forward, counted until dispatch; 1 to acknowledge; 5 to follow up)', () => {
    expect(metricsOf(byKind('COMPLAINT'))).toEqual({
      TRIAGE: '1440 WORKING_DAYS REPORTED->DISPATCHED',
      ACKNOWLEDGE: '480 WORKING_DAYS DISPATCHED->ACKNOWLEDGED',
      RESOLVE: '2400 WORKING_DAYS DISPATCHED->RESOLVED',
    });
  });

  it('information: answered within one working day', () => {
    expect(metricsOf(byKind('INFORMATION'))).toEqual({ TRIAGE: '480 WORKING_DAYS REPORTED->TRIAGED' });
  });

  it('every core metric pauses on hold and warns at 50, 75 and 90%', () => {
    for (const m of CORE_POLICIES.flatMap((p) => p.metrics)) expect(m).toMatchObject({ pauseStates: [S.ON_HOLD], warnings: LADDER_WARNINGS });
  });
});

describe('modulePolicies', () => {
  it('turns BPBD targets into one policy per kind or category, owned by BPBD', () => {
    const policies = modulePolicies(bpbd);
    expect(policies.map((p) => [p.name, p.kind, p.categoryCode])).toEqual([
      ['BPBD: EMERGENCY', 'EMERGENCY', null],
      ['BPBD: POHON_TUMBANG', null, 'POHON_TUMBANG'],
      ['BPBD: COMPLAINT', 'COMPLAINT', null],
      ['BPBD: KEKERINGAN_AIR_BERSIH', null, 'KEKERINGAN_AIR_BERSIH'],
    ]);
    for (const p of policies) expect(p).toMatchObject({ source: SlaPolicySource.MODULE, opdCode: 'BPBD', priority: null });
  });

  it('POHON_TUMBANG: a category policy with ON_SITE 60 minutes, 24x7, from the report', () => {
    const tree = modulePolicies(bpbd).find((p) => p.categoryCode === 'POHON_TUMBANG');
    expect(tree?.metrics).toEqual([
      { metric: 'ON_SITE', start: 'REPORTED', stop: 'ON_SITE', pauseStates: [S.ON_HOLD], calendar: '24x7', targetMinutes: 60, warnings: [0.5, 0.75, 0.9] },
    ]);
  });

  it('BPBD emergency, complaint and drought targets', () => {
    const policies = modulePolicies(bpbd);
    const of = (kind: string | null, category: string | null) => metricsOf(policies.find((p) => p.kind === kind && p.categoryCode === category));
    expect(of('EMERGENCY', null)).toEqual({ ACKNOWLEDGE: '10 24x7 DISPATCHED->ACKNOWLEDGED', ON_SITE: '120 24x7 REPORTED->ON_SITE' });
    expect(of('COMPLAINT', null)).toEqual({ ACKNOWLEDGE: '480 WORKING_DAYS DISPATCHED->ACKNOWLEDGED', RESOLVE: '2400 WORKING_DAYS DISPATCHED->RESOLVED' });
    expect(of(null, 'KEKERINGAN_AIR_BERSIH')).toEqual({ RESOLVE: '960 WORKING_DAYS DISPATCHED->RESOLVED' });
  });

  it("warns at the fractions of the module's own ladder", () => {
    const ladderFractions = bpbd.escalation.flatMap((l) => (l.at === 'BREACH' ? [] : [l.at.fraction]));
    expect(ladderFractions).toEqual([0.5, 0.75, 0.9]);
    for (const m of modulePolicies(bpbd).flatMap((p) => p.metrics)) expect(m.warnings).toEqual(ladderFractions);

    const custom: OpdModuleDefinition = { ...bpbd, escalation: [{ level: 1, at: { fraction: 0.8 }, notify: [{ kind: 'OPD_HEAD' }] }, { level: 2, at: 'BREACH', notify: [{ kind: 'OPD_HEAD' }] }] };
    for (const m of modulePolicies(custom).flatMap((p) => p.metrics)) expect(m.warnings).toEqual([0.8]);
  });

  it('falls back to 50, 75 and 90% when the ladder has only a breach rung', () => {
    const breachOnly: OpdModuleDefinition = { ...bpbd, escalation: [{ level: 1, at: 'BREACH', notify: [{ kind: 'OPD_HEAD' }] }] };
    for (const m of modulePolicies(breachOnly).flatMap((p) => p.metrics)) expect(m.warnings).toEqual(LADDER_WARNINGS);
  });

  it('a target naming both category and kind is a category policy; one naming neither is OPD-wide', () => {
    const module: OpdModuleDefinition = {
      ...bpbd,
      sla: [
        { metric: 'ON_SITE', category: 'POHON_TUMBANG', kind: 'EMERGENCY', targetMinutes: 45, calendar: '24x7' },
        { metric: 'RESOLVE', targetMinutes: 4800, calendar: 'WORKING_DAYS' },
      ],
    };
    expect(modulePolicies(module).map((p) => [p.name, p.categoryCode, p.kind])).toEqual([
      ['BPBD: POHON_TUMBANG', 'POHON_TUMBANG', null],
      ['BPBD: all tickets', null, null],
    ]);
  });

  it.each(ENABLED_OPD_MODULES.map((m): [string, OpdModuleDefinition] => [m.code, m]))('%s: every SLA target becomes exactly one policy metric', (_code, module) => {
    const policies = modulePolicies(module);
    const produced = policies.flatMap((p) => p.metrics.map((m) => `${p.categoryCode ?? p.kind}/${m.metric}/${m.targetMinutes}/${m.calendar}`));
    const declared = module.sla.map((t) => `${t.category ?? t.kind}/${t.metric}/${t.targetMinutes}/${t.calendar}`);
    expect(produced.sort()).toEqual(declared.sort());
    // The resolver keeps one policy per match key, so no two may share one.
    expect(new Set(policies.map((p) => `${p.categoryCode}|${p.kind}`)).size).toBe(policies.length);
  });
});

describe('core and BPBD policies resolved together', () => {
  const POLICIES = [...CORE_POLICIES, ...modulePolicies(bpbd)].map(asRecord);
  const resolve = (context: Partial<TicketContext>) =>
    Object.fromEntries(
      resolveMetrics(POLICIES, { kind: 'EMERGENCY', priority: 'HIGH', categoryCode: null, opdCode: 'BPBD', reportedAt: '2026-12-01T00:00:00.000Z', ...context }, '2026-12-01T00:00:00.000Z')
        .map((m) => [m.metric, `${m.targetMinutes} ${m.policyId}`]),
    );

  it('a fallen tree: on site in 60 minutes (category), acknowledge in 10 (BPBD), triage in 5 (core)', () => {
    expect(resolve({ categoryCode: 'POHON_TUMBANG' })).toEqual({ ON_SITE: '60 BPBD:POHON_TUMBANG', ACKNOWLEDGE: '10 BPBD:EMERGENCY', TRIAGE: '5 CORE:EMERGENCY' });
  });

  it("a landslide: BPBD's emergency targets", () => {
    expect(resolve({ categoryCode: 'TANAH_LONGSOR' })).toEqual({ ON_SITE: '120 BPBD:EMERGENCY', ACKNOWLEDGE: '10 BPBD:EMERGENCY', TRIAGE: '5 CORE:EMERGENCY' });
  });

  it('a drought complaint: resolve in two working days, the rest from BPBD and the core', () => {
    expect(resolve({ kind: 'COMPLAINT', categoryCode: 'KEKERINGAN_AIR_BERSIH' })).toEqual({
      ACKNOWLEDGE: '480 BPBD:COMPLAINT', RESOLVE: '960 BPBD:KEKERINGAN_AIR_BERSIH', TRIAGE: '1440 CORE:COMPLAINT',
    });
  });

  it('an emergency not yet routed to an OPD has only the core clocks', () => {
    expect(resolve({ opdCode: null })).toEqual({ ACKNOWLEDGE: '15 CORE:EMERGENCY', ON_SITE: '120 CORE:EMERGENCY', TRIAGE: '5 CORE:EMERGENCY' });
  });
});
