import type { ReactNode } from 'react';
import type { Me } from '../auth/auth-context';
import { AdminScreen } from '../screens/admin.screen';
import { ChangePasswordScreen } from '../screens/change-password.screen';
import { FieldQueueScreen } from '../screens/field-queue.screen';
import { FieldTicketScreen } from '../screens/field-ticket.screen';
import { InboxScreen } from '../screens/inbox/inbox.screen';
import { NewCallScreen } from '../screens/new-call/new-call.screen';
import { SlaBoardScreen } from '../screens/sla-board.screen';
import { SlaComplianceScreen } from '../screens/sla-compliance.screen';
import { TicketListScreen } from '../screens/ticket-list.screen';
import { TicketDetailScreen } from '../screens/ticket/ticket-detail.screen';
import { matchPath } from './router';

/**
 * One console route. `operations` are the permission table's names (`Query.x`, `Mutation.y`) the screen
 * needs; a session without all of them neither sees the route in the navigation nor reaches it by URL
 * (the API would refuse its requests anyway: this keeps people from a screen that can only fail).
 */
export interface ConsoleRoute {
  readonly path: string;
  readonly operations: readonly string[];
  /** i18n key of the navigation entry; none: reached by link only (e.g. a ticket's detail). */
  readonly navKey?: string;
  render(params: Record<string, string>): ReactNode;
}

const INBOX_OPERATIONS = ['Query.channelConversations', 'Query.channelMessages', 'Subscription.conversationUpdated', 'Mutation.claimConversation'];

/** Every screen. Later screens add their entry here (and their role's home below). */
export const ROUTES: readonly ConsoleRoute[] = [
  {
    path: '/new-call',
    operations: ['Mutation.createTicket', 'Mutation.triageTicket', 'Mutation.recordInformationRequest', 'Query.callerHistory', 'Query.duplicateCandidates'],
    navKey: 'nav.newCall',
    render: () => <NewCallScreen />,
  },
  // The social inbox: call takers and supervisors (the permission table's call centre) work it.
  { path: '/inbox', operations: INBOX_OPERATIONS, navKey: 'nav.inbox', render: () => <InboxScreen /> },
  { path: '/inbox/:id', operations: INBOX_OPERATIONS, render: ({ id }) => <InboxScreen selectedId={id} /> },
  { path: '/tickets', operations: ['Query.tickets'], navKey: 'nav.tickets', render: () => <TicketListScreen /> },
  { path: '/tickets/:id', operations: ['Query.ticket'], render: ({ id }) => <TicketDetailScreen key={id} id={id!} /> },
  { path: '/board', operations: ['Query.slaBoard'], navKey: 'nav.board', render: () => <SlaBoardScreen /> },
  { path: '/compliance', operations: ['Query.slaCompliance'], navKey: 'nav.compliance', render: () => <SlaComplianceScreen /> },
  { path: '/queue', operations: ['Query.tickets', 'Mutation.arriveOnSite'], navKey: 'nav.queue', render: () => <FieldQueueScreen /> },
  { path: '/queue/:id', operations: ['Query.ticket', 'Mutation.arriveOnSite'], render: (p) => <FieldTicketScreen id={p.id!} /> },
  // Administration is for admins (an auditor reads staff and keys through the API, not here).
  { path: '/admin', operations: ['Mutation.createStaffUser'], navKey: 'nav.admin', render: () => <AdminScreen /> },
  { path: '/admin/:section', operations: ['Mutation.createStaffUser'], render: (p) => <AdminScreen section={p.section} /> },
  { path: '/account/password', operations: ['Mutation.changeMyPassword'], navKey: 'nav.password', render: () => <ChangePasswordScreen /> },
];

/** The screen a role starts on, in order of preference (the first one it may use). */
const HOME_BY_ROLE: Readonly<Record<string, readonly string[]>> = {
  CALL_TAKER: ['/new-call', '/tickets'],
  SUPERVISOR: ['/board', '/tickets'],
  OPD_OFFICER: ['/queue', '/tickets'],
  OPD_HEAD: ['/queue', '/tickets'],
  FIELD_UNIT: ['/queue', '/tickets'],
  ADMIN: ['/admin', '/tickets'],
  AUDITOR: ['/tickets'],
};

export function allowed(route: ConsoleRoute, me: Me): boolean {
  return route.operations.every((operation) => me.operations.includes(operation));
}

export function findRoute(path: string): { route: ConsoleRoute; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

/** Where `me` lands after signing in (and on `/`). */
export function homeFor(me: Me): string {
  const preferred = HOME_BY_ROLE[me.role] ?? [];
  for (const path of preferred) {
    const found = findRoute(path);
    if (found && allowed(found.route, me)) return path;
  }
  return ROUTES.find((route) => route.navKey && allowed(route, me))?.path ?? '/account/password';
}
