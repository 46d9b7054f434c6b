/**
 * The size limits every GraphQL operation must stay within, in one place.
 *
 * Why these numbers (measured on schema.gql and the clients' documents in the
 * e2e suite): the schema is at most 5 levels deep; a lifecycle command
 * answering the whole ticket with its events has depth 4, cost 89 and 138
 * tokens; a page of 100 tickets with their SLA clocks costs 2,100, a page of
 * 50 whole tickets with events 3,250 (100 of them, 6,500, is refused). The
 * limits leave several times the usual documents' size.
 *
 * `maxTokens` bounds the parse (the lexer stops at the limit, before an AST is
 * built) and with it every later step; the others bound what one request may
 * ask of the resolvers. Fragments count as what they select, not as extra
 * levels: a fragment-heavy document costs what its answer costs.
 *
 * A literal `first: 100` multiplies the cost; a `$first` variable does not
 * (armor reads only literals). Page sizes are capped at 100 by the resolvers,
 * so the variable case stays bounded.
 *
 * @example
 * import { GRAPHQL_LIMITS } from './graphql-limits';
 * GRAPHQL_LIMITS.maxDepth; // 10
 */
export interface GraphqlLimits {
  /** Deepest selection of fields (introspection's `__schema` excepted). */
  readonly maxDepth: number;
  /** Aliased fields in one operation, `__typename` included (an alias bomb is many cheap aliases). */
  readonly maxAliases: number;
  /**
   * Estimated cost: 1 per scalar field, 2 per object field plus its
   * selection weighted by {@link costDepthFactor}, a literal `first`/`last`
   * multiplying its subtree (a page of n costs n items).
   */
  readonly maxCost: number;
  /** Weight of each nested level in the cost; 1 makes the cost about the number of fields answered. */
  readonly costDepthFactor: number;
  /** Lexical tokens in the document; checked while parsing, so a huge document is never parsed whole. */
  readonly maxTokens: number;
  /** Directives (`@include`, `@skip`, ...) in one operation. */
  readonly maxDirectives: number;
}

export const GRAPHQL_LIMITS: GraphqlLimits = Object.freeze({
  maxDepth: 10,
  maxAliases: 15,
  maxCost: 5000,
  // armor's default is 1.5 per level: with no recursive types here it would
  // only penalise nesting the schema imposes (a page of 100 tickets with SLA
  // clocks would cost 6,400 and be refused).
  costDepthFactor: 1,
  maxTokens: 2000,
  maxDirectives: 20,
});

export enum OperationLimitCode {
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  /** More tokens than {@link GraphqlLimits.maxTokens}: refused while parsing. */
  QUERY_TOO_LARGE = 'QUERY_TOO_LARGE',
  TOO_MANY_DIRECTIVES = 'TOO_MANY_DIRECTIVES',
}
