import { LifecycleTable, PREVIOUS_STATE } from './lifecycle.types';
import { TicketCommand } from './ticket-command.enum';
import { TicketState } from './ticket-state.enum';

/**
 * Renders the lifecycle table as Markdown (a Mermaid diagram and a rules
 * table), so docs/lifecycle.md is generated from the one source of truth and
 * a unit test can tell when it is stale.
 *
 * @example
 * fs.writeFileSync('docs/lifecycle.md', renderLifecycleDoc(TICKET_LIFECYCLE));
 */
export function renderLifecycleDoc(table: LifecycleTable): string {
  const lines: string[] = [
    '# Ticket lifecycle',
    '',
    '<!-- Generated from src/core/ticket/lifecycle/ticket-lifecycle.table.ts by `npm run docs:lifecycle`; do not edit. -->',
    '',
    'Every ticket starts in `' + table.initial + '`. Notes (`ADD_NOTE`) and attachments (`ADD_ATTACHMENT`) are',
    'allowed in every state and reassignment (`REASSIGN`) in the OPD states; none of them changes the state, so the',
    'diagram leaves them out.',
    '',
    '```mermaid',
    'stateDiagram-v2',
    `  [*] --> ${table.initial}`,
  ];
  for (const state of Object.values(TicketState)) {
    for (const command of Object.values(TicketCommand)) {
      const rule = table.states[state].on[command];
      if (!rule || rule.target === state) continue;
      const label = rule.guard ? `${command} [${rule.guard}]` : command;
      if (rule.target === PREVIOUS_STATE) lines.push(`  ${state} --> ${state}_PREVIOUS: ${label}`);
      else lines.push(`  ${state} --> ${rule.target}: ${label}`);
    }
  }
  lines.push('  ON_HOLD_PREVIOUS: the state it was held from', '```', '');
  lines.push('| State | Meaning | Pauses SLA clocks | Terminal |', '| --- | --- | --- | --- |');
  for (const state of Object.values(TicketState)) {
    const def = table.states[state];
    lines.push(`| \`${state}\` | ${def.description} | ${def.pausesClocks ? 'yes' : ''} | ${def.terminal ? 'yes' : ''} |`);
  }
  lines.push('', '| From | Command | To | Guard | Required input |', '| --- | --- | --- | --- | --- |');
  for (const state of Object.values(TicketState)) {
    for (const command of Object.values(TicketCommand)) {
      const rule = table.states[state].on[command];
      if (!rule) continue;
      const to = rule.target === PREVIOUS_STATE ? '(the state it was held from)' : `\`${rule.target}\``;
      lines.push(`| \`${state}\` | \`${command}\` | ${to} | ${rule.guard ?? ''} | ${(rule.requires ?? []).join(', ')} |`);
    }
  }
  lines.push(
    '',
    'Guards: `isInformation` (kind is INFORMATION), `hasOpd` (an OPD is set), `noFieldResponse` (the',
    'category needs no visit: complaints handled from the office), `withinReopenWindow` (resolved no longer',
    'ago than `REOPEN_WINDOW_DAYS`).',
    '',
  );
  return lines.join('\n');
}
