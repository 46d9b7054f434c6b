import { TicketState as S } from '../../ticket';
import type { TicketContext } from '../../ticket';
import type { MetricDefinition, SlaMetricCode } from './sla-metric';
import { PolicyRecord, resolveMetrics, specificity, versionAt } from './sla-policy.resolver';

const TICKET: TicketContext = { kind: 'EMERGENCY', priority: 'URGENT', categoryCode: 'POHON_TUMBANG', opdCode: 'BPBD', reportedAt: '2026-12-01T00:00:00.000Z' };
const NOW = '2026-12-01T00:00:00.000Z';

const def = (metric: SlaMetricCode, targetMinutes: number): MetricDefinition => ({
  metric, start: 'REPORTED', stop: 'ON_SITE', pauseStates: [S.ON_HOLD], calendar: '24x7', targetMinutes, warnings: [0.5],
});

type Match = Partial<Pick<PolicyRecord, 'opdCode' | 'categoryCode' | 'kind' | 'priority'>>;

function policy(id: string, match: Match, metrics: MetricDefinition[], versions?: PolicyRecord['versions']): PolicyRecord {
  return {
    id, opdCode: null, categoryCode: null, kind: null, priority: null, ...match,
    versions: versions ?? [{ version: 1, effectiveFrom: '2026-01-01T00:00:00.000Z', active: true, metrics }],
  };
}

/** metric -> "policyId:target" for compact expectations. */
const summary = (policies: PolicyRecord[], context: TicketContext = TICKET, at = NOW) =>
  Object.fromEntries(resolveMetrics(policies, context, at).map((m) => [m.metric, `${m.policyId}:v${m.policyVersion}:${m.targetMinutes}`]));

describe('specificity', () => {
  it('is 0 for a catch-all policy and -1 when any named field differs', () => {
    expect(specificity(policy('all', {}, []), TICKET)).toBe(0);
    expect(specificity(policy('x', { kind: 'COMPLAINT' }, []), TICKET)).toBe(-1);
    expect(specificity(policy('x', { opdCode: 'BPBD', categoryCode: 'TANAH_LONGSOR' }, []), TICKET)).toBe(-1);
    expect(specificity(policy('x', { categoryCode: 'POHON_TUMBANG' }, []), { ...TICKET, categoryCode: null })).toBe(-1);
  });

  it('ranks category > opd > kind > priority, each outranking all less specific fields together', () => {
    const score = (match: Match) => specificity(policy('x', match, []), TICKET);
    expect(score({ categoryCode: 'POHON_TUMBANG' })).toBeGreaterThan(score({ opdCode: 'BPBD', kind: 'EMERGENCY', priority: 'URGENT' }));
    expect(score({ opdCode: 'BPBD' })).toBeGreaterThan(score({ kind: 'EMERGENCY', priority: 'URGENT' }));
    expect(score({ kind: 'EMERGENCY' })).toBeGreaterThan(score({ priority: 'URGENT' }));
    expect(score({ priority: 'URGENT' })).toBeGreaterThan(score({}));
  });

  it('gives every combination of fields a distinct score (no ties)', () => {
    const fields: Array<keyof Match> = ['categoryCode', 'opdCode', 'kind', 'priority'];
    const scores = Array.from({ length: 16 }, (_, mask) =>
      specificity(policy('x', Object.fromEntries(fields.filter((_, i) => mask & (1 << i)).map((f) => [f, TICKET[f]])), []), TICKET),
    );
    expect(new Set(scores).size).toBe(16);
  });
});

describe('versionAt', () => {
  const versions: PolicyRecord['versions'] = [
    { version: 1, effectiveFrom: '2026-01-01T00:00:00.000Z', active: true, metrics: [def('ON_SITE', 120)] },
    { version: 2, effectiveFrom: '2026-06-01T00:00:00.000Z', active: true, metrics: [def('ON_SITE', 90)] },
    { version: 3, effectiveFrom: '2027-01-01T00:00:00.000Z', active: false, metrics: [] },
  ];
  const p = policy('p', {}, [], versions);

  it('is the latest version whose effectiveFrom is at or before the instant', () => {
    expect(versionAt(p, '2025-12-31T23:59:59.999Z')).toBeUndefined();
    expect(versionAt(p, '2026-01-01T00:00:00.000Z')?.version).toBe(1);
    expect(versionAt(p, '2026-05-31T23:59:59.999Z')?.version).toBe(1);
    expect(versionAt(p, '2026-06-01T00:00:00.000Z')?.version).toBe(2);
    expect(versionAt(p, '2027-03-01T00:00:00.000Z')?.version).toBe(3);
  });

  it('prefers the higher version when two take effect on the same instant', () => {
    const same = policy('p', {}, [], [versions[0], { ...versions[1], effectiveFrom: versions[0].effectiveFrom }]);
    expect(versionAt(same, NOW)?.version).toBe(2);
  });
});

describe('resolveMetrics', () => {
  const core = policy('core', { kind: 'EMERGENCY' }, [def('TRIAGE', 5), def('ACKNOWLEDGE', 15), def('ON_SITE', 120)]);
  const opd = policy('opd', { opdCode: 'BPBD', kind: 'EMERGENCY' }, [def('ACKNOWLEDGE', 10), def('ON_SITE', 120)]);
  const category = policy('category', { opdCode: 'BPBD', categoryCode: 'POHON_TUMBANG' }, [def('ON_SITE', 60)]);

  it('takes each metric from the most specific matching policy that defines it', () => {
    expect(summary([core, opd, category])).toEqual({ ACKNOWLEDGE: 'opd:v1:10', ON_SITE: 'category:v1:60', TRIAGE: 'core:v1:5' });
  });

  it('does not depend on the order of the policies', () => {
    expect(summary([category, core, opd])).toEqual(summary([core, opd, category]));
    expect(summary([opd, category, core])).toEqual(summary([core, opd, category]));
  });

  it('ignores policies that do not match the ticket', () => {
    const other = { ...TICKET, categoryCode: 'TANAH_LONGSOR' };
    expect(summary([core, opd, category], other)).toEqual({ ACKNOWLEDGE: 'opd:v1:10', ON_SITE: 'opd:v1:120', TRIAGE: 'core:v1:5' });
    expect(summary([core, opd, category], { ...TICKET, kind: 'COMPLAINT', categoryCode: null })).toEqual({});
  });

  it('a priority policy loses to a kind policy and beats a catch-all', () => {
    const all = policy('all', {}, [def('RESOLVE', 999)]);
    const urgent = policy('urgent', { priority: 'URGENT' }, [def('RESOLVE', 300), def('ON_SITE', 30)]);
    expect(summary([all, urgent, core])).toEqual({ ACKNOWLEDGE: 'core:v1:15', ON_SITE: 'core:v1:120', RESOLVE: 'urgent:v1:300', TRIAGE: 'core:v1:5' });
  });

  it('returns the definition with the policy id and version it came from, sorted by metric', () => {
    const resolved = resolveMetrics([core], TICKET, NOW);
    expect(resolved.map((m) => m.metric)).toEqual(['ACKNOWLEDGE', 'ON_SITE', 'TRIAGE']);
    expect(resolved[1]).toEqual({ ...def('ON_SITE', 120), policyId: 'core', policyVersion: 1 });
  });

  it('uses the version in force at the given instant', () => {
    const versioned = policy('category', { categoryCode: 'POHON_TUMBANG' }, [], [
      { version: 1, effectiveFrom: '2026-01-01T00:00:00.000Z', active: true, metrics: [def('ON_SITE', 60)] },
      { version: 2, effectiveFrom: '2026-12-01T06:00:00.000Z', active: true, metrics: [def('ON_SITE', 45)] },
    ]);
    expect(summary([core, versioned]).ON_SITE).toBe('category:v1:60');
    expect(summary([core, versioned], TICKET, '2026-12-01T06:00:00.000Z').ON_SITE).toBe('category:v2:45');
  });

  it('a policy not yet in force does not apply', () => {
    const future = policy('future', { categoryCode: 'POHON_TUMBANG' }, [], [
      { version: 1, effectiveFrom: '2027-01-01T00:00:00.000Z', active: true, metrics: [def('ON_SITE', 30)] },
    ]);
    expect(summary([core, future]).ON_SITE).toBe('core:v1:120');
  });

  it('an inactive version in force removes the policy: its metrics fall back to less specific ones', () => {
    const retired = policy('category', { categoryCode: 'POHON_TUMBANG' }, [], [
      { version: 1, effectiveFrom: '2026-01-01T00:00:00.000Z', active: true, metrics: [def('ON_SITE', 60)] },
      { version: 2, effectiveFrom: '2026-06-01T00:00:00.000Z', active: false, metrics: [def('ON_SITE', 60)] },
    ]);
    expect(summary([core, retired]).ON_SITE).toBe('core:v1:120');
    expect(summary([core, retired], TICKET, '2026-03-01T00:00:00.000Z').ON_SITE).toBe('category:v1:60');
  });

  it('a version with no metrics leaves every metric to other policies', () => {
    const empty = policy('empty', { categoryCode: 'POHON_TUMBANG' }, []);
    expect(summary([core, empty])).toEqual(summary([core]));
  });
});
