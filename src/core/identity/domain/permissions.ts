import { ActorRole } from '../../actor';

/**
 * How far a permission reaches: every OPD's data, or only the actor's own
 * OPD's (lists filtered, other OPDs' tickets not found).
 */
export type Access = 'ALL' | 'OWN_OPD';

/** Roles a person or an API key can have; SYSTEM is internal and never logs in. */
export type GrantedRole = Exclude<ActorRole, ActorRole.SYSTEM>;
export const GRANTED_ROLES = Object.values(ActorRole).filter((r): r is GrantedRole => r !== ActorRole.SYSTEM);

/** Roles that belong to one OPD. */
export const OPD_BOUND_ROLES: ReadonlySet<ActorRole> = new Set([ActorRole.OPD_OFFICER, ActorRole.OPD_HEAD, ActorRole.FIELD_UNIT, ActorRole.OPD_SYSTEM]);

export interface Permission {
  /** Anyone, without logging in (rate limited per client). */
  readonly public?: true;
  readonly roles?: Readonly<Partial<Record<GrantedRole, Access>>>;
}

const { CALL_TAKER: CT, SUPERVISOR: SPV, OPD_OFFICER: OFF, OPD_HEAD: HEAD, FIELD_UNIT: UNIT, ADMIN, AUDITOR, OPD_SYSTEM: SYS } = ActorRole;
const PUBLIC: Permission = { public: true };
const grant = (roles: Partial<Record<GrantedRole, Access>>): Permission => ({ roles });
const all = (...roles: GrantedRole[]): Partial<Record<GrantedRole, Access>> => Object.fromEntries(roles.map((r) => [r, 'ALL']));
const own = (...roles: GrantedRole[]): Partial<Record<GrantedRole, Access>> => Object.fromEntries(roles.map((r) => [r, 'OWN_OPD']));
const EVERY_STAFF = all(CT, SPV, OFF, HEAD, UNIT, ADMIN, AUDITOR);
const CALL_CENTRE = all(CT, SPV);
const ADMINS = all(ADMIN);

/**
 * The one permission table: every GraphQL root field (`Query.x`,
 * `Mutation.y`) and every guarded field (`Ticket.reporter`), and who may use
 * it. A root field missing here is refused for everyone (a test fails first),
 * and the authorization matrix test is generated from this table.
 *
 * @example
 * PERMISSIONS['Mutation.acknowledgeTicket'].roles?.OPD_OFFICER; // 'OWN_OPD'
 */
export const PERMISSIONS = {
  // Citizens and the public website: reference data, the login, a ticket's status by number.
  'Query.districts': PUBLIC,
  'Query.opds': PUBLIC,
  'Query.opd': PUBLIC,
  'Query.categories': PUBLIC,
  'Query.categorySuggestions': PUBLIC,
  'Query.rollout': PUBLIC,
  'Query.ticketStatus': PUBLIC,
  'Mutation.login': PUBLIC,
  'Mutation.refreshSession': PUBLIC,
  'Mutation.setupFirstAdmin': PUBLIC,

  // Who am I, and ending my session.
  'Query.me': grant({ ...EVERY_STAFF, ...all(SYS) }),
  'Mutation.logout': grant(EVERY_STAFF),
  'Mutation.changeMyPassword': grant(EVERY_STAFF),

  // Tickets: the call centre sees all; an OPD its own; the auditor reads everything.
  'Query.ticket': grant({ ...CALL_CENTRE, ...own(OFF, HEAD, UNIT, SYS), ...all(AUDITOR) }),
  'Query.tickets': grant({ ...CALL_CENTRE, ...own(OFF, HEAD, UNIT, SYS), ...all(AUDITOR) }),
  'Mutation.createTicket': grant(CALL_CENTRE),
  'Mutation.recordInformationRequest': grant(CALL_CENTRE),
  'Mutation.triageTicket': grant(CALL_CENTRE),
  'Mutation.dispatchTicket': grant(CALL_CENTRE),
  'Mutation.answerTicket': grant(CALL_CENTRE),
  'Mutation.rejectTicket': grant(CALL_CENTRE),
  'Mutation.markDuplicate': grant(CALL_CENTRE),
  'Mutation.closeTicket': grant(CALL_CENTRE),
  'Mutation.reopenTicket': grant(CALL_CENTRE),
  // The command centre coordinates: its supervisors may act for an OPD that radios in.
  'Mutation.acknowledgeTicket': grant({ ...all(SPV), ...own(OFF, HEAD, SYS) }),
  'Mutation.returnTicket': grant({ ...all(SPV), ...own(OFF, HEAD, SYS) }),
  'Mutation.reassignTicket': grant({ ...all(SPV), ...own(OFF, HEAD, SYS) }),
  'Mutation.departTicket': grant({ ...all(SPV), ...own(OFF, HEAD, UNIT, SYS) }),
  'Mutation.arriveOnSite': grant({ ...all(SPV), ...own(OFF, HEAD, UNIT, SYS) }),
  'Mutation.resolveTicket': grant({ ...all(SPV), ...own(OFF, HEAD, UNIT, SYS) }),
  'Mutation.holdTicket': grant({ ...CALL_CENTRE, ...own(OFF, HEAD) }),
  'Mutation.resumeTicket': grant({ ...CALL_CENTRE, ...own(OFF, HEAD) }),
  'Mutation.addNote': grant({ ...CALL_CENTRE, ...own(OFF, HEAD, UNIT, SYS) }),
  // During a live call: who is calling, and is it already reported? The call centre takes
  // reports (createTicket), so it alone looks for duplicates; OPDs see their own tickets anyway.
  'Query.duplicateCandidates': grant(CALL_CENTRE),

  // Callers by phone: their earlier contacts (every lookup is logged like a reporter read),
  // and the prank/hoax flag only supervisors set and clear.
  'Query.callerHistory': grant(CALL_CENTRE),
  'Mutation.flagCaller': grant(all(SPV)),
  'Mutation.unflagCaller': grant(all(SPV)),

  // The same reach as notes: whoever may add a note may attach uploads (and upload them, POST /attachments).
  'Mutation.addAttachment': grant({ ...CALL_CENTRE, ...own(OFF, HEAD, UNIT, SYS) }),

  // Reporter identity (name, phone, e-mail, NIK): who needs to call the citizen back.
  // Anonymous reports: only the call centre (IDENTITY_OF_ANONYMOUS).
  'Ticket.reporter': grant({ ...CALL_CENTRE, ...own(OFF, HEAD, UNIT, SYS) }),

  // The OPD catalog and SLA configuration: everyone on staff reads, admins change.
  'Query.categoryHistory': grant(EVERY_STAFF),
  'Query.slaPolicies': grant(EVERY_STAFF),
  'Query.calendars': grant(EVERY_STAFF),
  'Mutation.renameCategory': grant(ADMINS),
  'Mutation.deactivateCategory': grant(ADMINS),
  'Mutation.activateCategory': grant(ADMINS),
  'Mutation.createSlaPolicy': grant(ADMINS),
  'Mutation.changeSlaPolicy': grant(ADMINS),
  'Mutation.deactivateSlaPolicy': grant(ADMINS),
  'Mutation.reevaluateSla': grant(ADMINS),
  'Mutation.createCalendar': grant(ADMINS),
  'Mutation.setCalendarHours': grant(ADMINS),
  'Mutation.addHoliday': grant(ADMINS),
  'Mutation.removeHoliday': grant(ADMINS),

  // Escalations and the compliance report.
  'Query.escalations': grant({ ...CALL_CENTRE, ...own(OFF, HEAD, SYS), ...all(AUDITOR) }),
  'Mutation.acknowledgeEscalation': grant({ ...all(SPV), ...own(OFF, HEAD) }),
  'Query.slaCompliance': grant({ ...all(SPV, ADMIN, AUDITOR), ...own(HEAD) }),
  // The wall screen: the command centre sees every OPD, an OPD its own.
  'Query.slaBoard': grant({ ...CALL_CENTRE, ...own(OFF, HEAD), ...all(AUDITOR) }),

  // Subscriptions (graphql-ws): the same reach as the queries they push.
  'Subscription.ticketEvents': grant({ ...CALL_CENTRE, ...own(OFF, HEAD, UNIT, SYS), ...all(AUDITOR) }),
  'Subscription.escalationRaised': grant({ ...CALL_CENTRE, ...own(OFF, HEAD, SYS), ...all(AUDITOR) }),
  'Subscription.slaBoard': grant({ ...CALL_CENTRE, ...own(OFF, HEAD), ...all(AUDITOR) }),
  'Subscription.notificationAdded': grant(EVERY_STAFF),

  // Staff, API keys and the privacy log.
  'Query.staffUsers': grant(all(ADMIN, AUDITOR)),
  'Mutation.createStaffUser': grant(ADMINS),
  'Mutation.updateStaffUser': grant(ADMINS),
  'Mutation.resetStaffPassword': grant(ADMINS),
  'Query.apiKeys': grant(all(ADMIN, AUDITOR)),
  'Mutation.createApiKey': grant(ADMINS),
  'Mutation.revokeApiKey': grant(ADMINS),
  'Query.reporterAccessLog': grant(all(AUDITOR)),

  // Outbound webhooks to OPD systems: admins for every OPD, an OPD's head for its own.
  'Query.webhookEndpoints': grant({ ...ADMINS, ...own(HEAD) }),
  'Query.webhookDeliveries': grant({ ...ADMINS, ...own(HEAD) }),
  'Mutation.createWebhookEndpoint': grant({ ...ADMINS, ...own(HEAD) }),
  'Mutation.disableWebhookEndpoint': grant({ ...ADMINS, ...own(HEAD) }),
  'Mutation.enableWebhookEndpoint': grant({ ...ADMINS, ...own(HEAD) }),
  'Mutation.rotateWebhookSecret': grant({ ...ADMINS, ...own(HEAD) }),
  'Mutation.redeliverWebhook': grant({ ...ADMINS, ...own(HEAD) }),
  // Notifications: every staff member reads and marks their own (nobody reaches another's).
  'Query.myNotifications': grant(EVERY_STAFF),
  'Mutation.markNotificationRead': grant(EVERY_STAFF),
  'Mutation.markAllNotificationsRead': grant(EVERY_STAFF),

  // Open311 clients (citizens' apps on /open311/v2): admins issue and revoke keys, auditors read.
  'Query.open311Clients': grant(all(ADMIN, AUDITOR)),
  'Mutation.createOpen311Client': grant(ADMINS),
  'Mutation.revokeOpen311Client': grant(ADMINS),

  // Social-media channels (docs/channels.md): admins keep the official-account registry; the call
  // centre works the conversation inbox (sender identity follows Ticket.reporter); auditors read.
  'Query.officialAccounts': grant(all(ADMIN, AUDITOR, SPV)),
  'Mutation.registerOfficialAccount': grant(ADMINS),
  'Mutation.updateOfficialAccount': grant(ADMINS),
  'Mutation.deactivateOfficialAccount': grant(ADMINS),
  'Query.channelConversations': grant({ ...CALL_CENTRE, ...all(AUDITOR) }),
  'Query.channelConversation': grant({ ...CALL_CENTRE, ...all(AUDITOR) }),
  'Query.channelMessages': grant({ ...CALL_CENTRE, ...all(AUDITOR) }),
  'Mutation.claimConversation': grant(CALL_CENTRE),
  'Mutation.releaseConversation': grant(CALL_CENTRE),
  'Subscription.conversationUpdated': grant({ ...CALL_CENTRE, ...all(AUDITOR) }),
  // Answering citizens: the call centre (the conversation's holder only, checked by the command);
  // what they are told automatically (milestone texts) is the admins' to edit, auditors read it.
  'Mutation.replyToConversation': grant(CALL_CENTRE),
  'Mutation.createTicketFromConversation': grant(CALL_CENTRE),
  'Mutation.attachConversationToTicket': grant(CALL_CENTRE),
  'Mutation.answerConversation': grant(CALL_CENTRE),
  'Query.channelTemplates': grant({ ...CALL_CENTRE, ...all(ADMIN, AUDITOR) }),
  'Mutation.updateChannelTemplate': grant(ADMINS),

  // The outbox's dead letters: admins see and replay them (payloads are not shown).
  'Query.outboxDeadLetters': grant(ADMINS),
  'Mutation.replayOutboxMessage': grant(ADMINS),
} as const satisfies Record<string, Permission>;

export type Operation = keyof typeof PERMISSIONS;
export const OPERATIONS = Object.keys(PERMISSIONS) as Operation[];

/** Roles that may see the identity of a reporter who asked to stay anonymous. */
export const IDENTITY_OF_ANONYMOUS: ReadonlySet<ActorRole> = new Set([CT, SPV]);

/**
 * What `role` may do with `operation`: its access, or null when refused.
 *
 * @example
 * accessFor('Query.tickets', ActorRole.OPD_OFFICER); // 'OWN_OPD'
 */
export function accessFor(operation: string, role: ActorRole): Access | null {
  const permission = (PERMISSIONS as Record<string, Permission>)[operation];
  if (!permission) return null;
  if (permission.public) return 'ALL';
  return permission.roles?.[role as GrantedRole] ?? null;
}

export function isPublic(operation: string): boolean {
  return (PERMISSIONS as Record<string, Permission>)[operation]?.public === true;
}
