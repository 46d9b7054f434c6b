// Public API of the ticket lifecycle: pure data and functions, no framework.
export { TicketState } from './ticket-state.enum';
export { TicketCommand } from './ticket-command.enum';
export { PREVIOUS_STATE } from './lifecycle.types';
export type {
  GuardName,
  LifecycleContext,
  LifecycleGuard,
  LifecycleSnapshot,
  LifecycleTable,
  PreviousState,
  StateDefinition,
  TransitionFailureReason,
  TransitionResult,
  TransitionRule,
} from './lifecycle.types';
export { LIFECYCLE_GUARDS } from './lifecycle.guards';
export { TICKET_LIFECYCLE } from './ticket-lifecycle.table';
export { allowedCommands, isTerminal, pausesClocks, transition } from './ticket-transition';
export { assertValidLifecycleTable, validateLifecycleTable } from './lifecycle-table.validator';
export type { UncheckedLifecycleTable } from './lifecycle-table.validator';
