import { ENABLED_OPD_MODULES } from '../../../config/opd-modules';
import { CORE_POLICIES, DefaultPolicy, modulePolicies } from '../../../src/core/sla/application/sla-defaults';
import { PolicyRecord, resolveMetrics } from '../../../src/core/sla/domain/sla-policy.resolver';
import { dinsosFixture } from '../../fixtures/opd-fixture/dinsos.opd';

const asRecord = (p: DefaultPolicy): PolicyRecord => ({
  id: `${p.opdCode ?? 'CORE'}:${p.categoryCode ?? p.kind ?? 'ALL'}`, opdCode: p.opdCode, categoryCode: p.categoryCode, kind: p.kind, priority: p.priority,
  versions: [{ version: 1, effectiveFrom: '2026-01-01T00:00:00.000Z', active: true, metrics: p.metrics }],
});

/**
 * The programme's promise, checked with the SLA engine's own policy
 * resolution (not a copy of its precedence rules): for every emergency
 * category of every enabled module, and of the fixture OPD, the clock that
 * will run says on site within 2 hours of the report, counted round the clock.
 */
describe.each([...ENABLED_OPD_MODULES, dinsosFixture].map((m) => [m.code, m] as const))('OPD %s keeps the emergency promise', (_code, module) => {
  const policies = [...CORE_POLICIES, ...modulePolicies(module)].map(asRecord);
  const emergencies = module.categories.filter((c) => c.defaultKind === 'EMERGENCY');

  it.each(emergencies.length ? emergencies.map((c) => [c.code]) : [['(none)']])('%s: on site within 120 minutes, 24x7, from the report', (categoryCode) => {
    if (categoryCode === '(none)') return;
    for (const priority of ['LOW', 'NORMAL', 'HIGH', 'URGENT']) {
      const context = { kind: 'EMERGENCY', priority, categoryCode, opdCode: module.code, reportedAt: '2026-12-01T00:00:00.000Z' };
      const onSite = resolveMetrics(policies, context, '2026-12-01T00:00:00.000Z').find((m) => m.metric === 'ON_SITE');
      expect({ priority, calendar: onSite?.calendar, start: onSite?.start, withinTwoHours: (onSite?.targetMinutes ?? Infinity) <= 120 }).toEqual({
        priority,
        calendar: '24x7',
        start: 'REPORTED',
        withinTwoHours: true,
      });
    }
  });
});
