import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, GraphQLObjectType } from 'graphql';
import { ActorRole } from '../../actor';
import { accessFor, GRANTED_ROLES, IDENTITY_OF_ANONYMOUS, isPublic, OPD_BOUND_ROLES, OPERATIONS, PERMISSIONS } from './permissions';


describe('the permission table', () => {
  // The committed schema (CI keeps it current) is the list of what clients can call.
  const schema = buildSchema(readFileSync(join(__dirname, '../../../../schema.gql'), 'utf8'));
  const fields = (['Query', 'Mutation', 'Subscription'] as const).flatMap((type) => Object.keys(schema.getType(type) ? (schema.getType(type) as GraphQLObjectType).getFields() : {}).map((f) => `${type}.${f}`));

  it('has a rule for every root field of the schema, and none for a field that does not exist', () => {
    expect(fields.length).toBeGreaterThan(40);
    expect(fields.filter((f) => !(f in PERMISSIONS))).toEqual([]);
    expect(OPERATIONS.filter((op) => op !== 'Ticket.reporter' && !fields.includes(op))).toEqual([]);
  });

  it('grants OPD-bound roles at most their own OPD of anything that holds OPD data', () => {
    const opdData = OPERATIONS.filter((op) => !isPublic(op) && /ticket|Ticket|escalation|Escalation|slaCompliance|Note|Duplicate|arriveOnSite|InformationRequest/.test(op));
    expect(opdData.length).toBeGreaterThan(20);
    for (const op of opdData) for (const role of OPD_BOUND_ROLES) expect({ op, role, all: accessFor(op, role) === 'ALL' }).toEqual({ op, role, all: false });
  });

  it('refuses unknown operations and the internal SYSTEM role', () => {
    expect(accessFor('Query.secretStuff', ActorRole.ADMIN)).toBeNull();
    expect(accessFor('Query.tickets', ActorRole.SYSTEM)).toBeNull();
  });

  it('keeps reporter identity from admins and auditors, and anonymous identities in the call centre', () => {
    expect(accessFor('Ticket.reporter', ActorRole.ADMIN)).toBeNull();
    expect(accessFor('Ticket.reporter', ActorRole.AUDITOR)).toBeNull();
    expect([...IDENTITY_OF_ANONYMOUS].sort()).toEqual([ActorRole.CALL_TAKER, ActorRole.SUPERVISOR]);
  });

  it('lets the auditor only read (besides its own session and its own notifications\' read marks)', () => {
    const writes = OPERATIONS.filter((op) => op.startsWith('Mutation.') && accessFor(op, ActorRole.AUDITOR) && !isPublic(op));
    expect(writes.sort()).toEqual(['Mutation.changeMyPassword', 'Mutation.logout', 'Mutation.markAllNotificationsRead', 'Mutation.markNotificationRead']);
    expect(GRANTED_ROLES).not.toContain(ActorRole.SYSTEM);
  });
});
