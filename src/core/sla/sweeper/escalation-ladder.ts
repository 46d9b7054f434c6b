import type { EscalationLevel, EscalationTarget } from '../../opd';
import { BREACH_PCT, fractionToPct } from '../domain/sla-metric';

/**
 * The call centre's own ladder, for its triage clock and for tickets not yet
 * with an OPD: Diskominfo's command centre is the call centre's chain of command.
 */
export const CALL_CENTRE_LADDER: readonly EscalationLevel[] = [
  { level: 1, at: { fraction: 0.5 }, notify: [{ kind: 'COMMAND_CENTRE' }] },
  { level: 2, at: 'BREACH', notify: [{ kind: 'COMMAND_CENTRE' }, { kind: 'REGIONAL_SECRETARY' }] },
];

/**
 * Who is told when a clock reaches `pct` percent: the highest rung of the
 * ladder at or below it (the BREACH rung for 100). The command centre hears
 * of every emergency breach, whatever the OPD's ladder says.
 *
 * @example
 * rungFor(bpbd.escalation, 75, 'COMPLAINT'); // { level: 2, notify: [{ kind: 'OPD_HEAD' }] }
 */
export function rungFor(ladder: readonly EscalationLevel[], pct: number, kind: string): { level: number; notify: EscalationTarget[] } {
  let chosen: EscalationLevel | undefined;
  for (const rung of ladder) {
    const at = rung.at === 'BREACH' ? BREACH_PCT : fractionToPct(rung.at.fraction);
    if (at <= pct && (!chosen || rung.level > chosen.level)) chosen = rung;
  }
  // Below the first rung: the OPD's own officers are the first to know.
  const notify: EscalationTarget[] = chosen ? [...chosen.notify] : [{ kind: 'OPD_ROLE', role: 'OPD_OFFICER' }];
  if (pct >= BREACH_PCT && kind === 'EMERGENCY' && !notify.some((t) => t.kind === 'COMMAND_CENTRE')) notify.push({ kind: 'COMMAND_CENTRE' });
  return { level: chosen?.level ?? 0, notify };
}
