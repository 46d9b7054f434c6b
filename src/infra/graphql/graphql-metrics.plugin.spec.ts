import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { rootFieldNames } from './graphql-metrics.plugin';

const schema = buildSchema(`
  type Ticket { id: ID! number: String! }
  type Query { ticket(id: ID!): Ticket tickets: [Ticket!]! categories: [String!]! }
  type Mutation { createTicket(description: String!): Ticket }
`);

function rootFields(source: string): string[] {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return rootFieldNames(operation, document, schema);
}

describe('rootFieldNames', () => {
  it('names the root fields, not their aliases nor the operation name the client chose', () => {
    expect(rootFields('query BGL_2026_000123_for_Made { mine: ticket(id: "1") { id } tickets { number } }')).toEqual(['ticket', 'tickets']);
  });

  it('follows fragments and inline fragments, once per name', () => {
    expect(rootFields(`
      query { ...Root ... on Query { categories } ticket(id: "2") { id } }
      fragment Root on Query { ticket(id: "1") { id } ...More }
      fragment More on Query { tickets { id } }
    `)).toEqual(['categories', 'ticket', 'tickets']);
  });

  it('keeps only names the root type has (and introspection), never __typename', () => {
    expect(rootFields('mutation { createTicket(description: "x") { id } somethingElse __typename }')).toEqual(['createTicket']);
    expect(rootFields('query { __schema { queryType { name } } __typename }')).toEqual(['__schema']);
  });
});
