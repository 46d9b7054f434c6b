import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, parse } from 'graphql';
import { formatGraphqlError, isUnexpected } from '../graphql/graphql-error.formatter';
import { graphqlHardening, withOperationLimitCodes } from './graphql-hardening';
import { operationLimitErrorOf, OperationLimitError } from './graphql-limit.rules';
import { GRAPHQL_LIMITS, type GraphqlLimits, OperationLimitCode } from './graphql-limits';

// A schema with a recursive type, so valid documents can be as deep and as
// costly as an attacker likes; the real schema's documents are checked by the
// e2e suite.
const typeDefs = /* GraphQL */ `
  type Query { hello: String node: Node nodes(first: Int): [Node!]! }
  type Node { id: ID! name: String child: Node children(first: Int): [Node!]! }
`;
const node = (): Record<string, unknown> => ({ id: '1', name: 'n', child: node, children: [] });
const resolvers = { Query: { hello: () => 'hi', node, nodes: () => [] } };

interface Answer {
  status: number | undefined;
  codes: unknown[];
  errors: Array<{ message: string; extensions?: Record<string, unknown> }>;
  data: unknown;
  /** What the error-logging plugin would log (masked, unexpected errors). */
  unexpected: boolean[];
}

async function withServer(
  options: { production?: boolean; sandbox?: boolean; limits?: GraphqlLimits },
  run: (ask: (query: string) => Promise<Answer>) => Promise<void>,
): Promise<void> {
  let unexpected: boolean[] = [];
  const spy: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didEncounterErrors(ctx) {
          unexpected = ctx.errors.map((e) => isUnexpected(e.originalError ?? e, e.extensions?.code));
        },
      };
    },
  };
  const server = new ApolloServer({
    typeDefs,
    resolvers,
    plugins: [spy],
    includeStacktraceInErrorResponses: false,
    ...graphqlHardening({ production: options.production ?? false, sandbox: options.sandbox ?? true, limits: options.limits }),
    formatError: withOperationLimitCodes(formatGraphqlError),
  });
  await server.start();
  try {
    await run(async (query) => {
      unexpected = [];
      const res = await server.executeOperation({ query });
      if (res.body.kind !== 'single') throw new Error('expected a single result');
      const errors = (res.body.singleResult.errors ?? []) as Answer['errors'];
      return { status: res.http.status, codes: errors.map((e) => e.extensions?.code), errors, data: res.body.singleResult.data, unexpected };
    });
  } finally {
    await server.stop();
  }
}

const nest = (levels: number, leaf = 'id'): string => (levels === 0 ? leaf : `child { ${nest(levels - 1, leaf)} }`);

describe('GraphQL operation limits', () => {
  it('answers an ordinary query', async () => {
    await withServer({}, async (ask) => {
      const res = await ask(`{ hello node { ${nest(3)} } nodes(first: 20) { id } }`);
      expect(res.errors).toEqual([]);
      expect(res.data).toMatchObject({ hello: 'hi', node: { child: { child: { child: { id: '1' } } } } });
    });
  });

  it('refuses a selection deeper than the limit with QUERY_TOO_DEEP, unmasked and not logged as unexpected', async () => {
    await withServer({}, async (ask) => {
      const ok = await ask(`{ node { ${nest(GRAPHQL_LIMITS.maxDepth - 2)} } }`); // depth = limit
      expect(ok.errors).toEqual([]);
      const res = await ask(`{ node { ${nest(GRAPHQL_LIMITS.maxDepth - 1)} } }`);
      expect(res.status).toBe(400);
      expect(res.errors).toEqual([
        {
          message: `Query depth limit of ${GRAPHQL_LIMITS.maxDepth} exceeded, found ${GRAPHQL_LIMITS.maxDepth + 1}.`,
          extensions: { code: 'QUERY_TOO_DEEP', limit: GRAPHQL_LIMITS.maxDepth },
        },
      ]);
      expect(res.unexpected).toEqual([false]);
    });
  });

  it('counts the fields a fragment selects, not the fragment as a level', async () => {
    await withServer({}, async (ask) => {
      const res = await ask(`{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { ... on Node { id } } }`);
      expect(res.errors).toEqual([]);
    });
  });

  it('refuses more aliases than the limit with TOO_MANY_ALIASES, __typename aliases included', async () => {
    await withServer({}, async (ask) => {
      const aliases = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
      expect((await ask(`{ ${aliases(GRAPHQL_LIMITS.maxAliases, 'hello')} }`)).errors).toEqual([]);
      expect((await ask(`{ ${aliases(GRAPHQL_LIMITS.maxAliases + 1, 'hello')} }`)).codes).toEqual(['TOO_MANY_ALIASES']);
      const bomb = await ask(`{ ${aliases(GRAPHQL_LIMITS.maxAliases + 1, '__typename')} }`);
      expect(bomb.codes).toEqual(['TOO_MANY_ALIASES']);
      expect(bomb.errors[0]?.extensions?.limit).toBe(GRAPHQL_LIMITS.maxAliases);
    });
  });

  it('refuses a costly operation with QUERY_TOO_COSTLY (a literal page size multiplies its subtree)', async () => {
    await withServer({}, async (ask) => {
      expect((await ask('{ nodes(first: 100) { id name } }')).errors).toEqual([]);
      const res = await ask('{ nodes(first: 100) { id children(first: 100) { id name } } }');
      expect(res.codes).toEqual(['QUERY_TOO_COSTLY']);
      expect(res.errors[0]?.message).toMatch(/^Query Cost limit of 5000 exceeded, found \d+/);
    });
  });

  it('refuses more directives than the limit with TOO_MANY_DIRECTIVES', async () => {
    await withServer({}, async (ask) => {
      const spreads = (n: number) => Array.from({ length: n }, () => '... @include(if: true) { hello }').join(' ');
      expect((await ask(`{ ${spreads(GRAPHQL_LIMITS.maxDirectives)} }`)).errors).toEqual([]);
      expect((await ask(`{ ${spreads(GRAPHQL_LIMITS.maxDirectives + 1)} }`)).codes).toEqual(['TOO_MANY_DIRECTIVES']);
    });
  });

  it('refuses a document of more tokens than the limit with QUERY_TOO_LARGE while parsing', async () => {
    // `{ hello ... }` is 2 + n tokens; a small limit keeps the test fast.
    const limits = { ...GRAPHQL_LIMITS, maxTokens: 20 };
    await withServer({ limits }, async (ask) => {
      expect((await ask(`{ ${'hello '.repeat(18)}}`)).errors).toEqual([]);
      const res = await ask(`{ ${'hello '.repeat(19)}}`);
      expect(res.status).toBe(400);
      expect(res.errors).toEqual([
        expect.objectContaining({
          message: 'Document has more than 20 tokens; split the request.',
          extensions: { code: 'QUERY_TOO_LARGE', limit: 20 },
        }),
      ]);
      expect(res.unexpected).toEqual([false]);
    });
  });

  it('keeps the other codes: a syntax error is GRAPHQL_PARSE_FAILED, an unknown field GRAPHQL_VALIDATION_FAILED', async () => {
    await withServer({}, async (ask) => {
      expect((await ask('{ hello ')).codes).toEqual(['GRAPHQL_PARSE_FAILED']);
      expect((await ask('{ nope }')).codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    });
  });

  it('suggests field names only where introspection is on, and never in production', async () => {
    await withServer({ production: false, sandbox: true }, async (ask) => {
      expect((await ask('{ helo }')).errors[0]?.message).toMatch(/Did you mean "hello"\?/);
    });
    for (const options of [{ production: true, sandbox: false }, { production: true, sandbox: true }, { production: false, sandbox: false }]) {
      await withServer(options, async (ask) => {
        const res = await ask('{ helo }');
        expect(res.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
        expect(res.errors[0]?.message).not.toMatch(/Did you mean/);
      });
    }
  });
});

describe('operationLimitErrorOf', () => {
  it("recognises graphql-js's own token-limit error (pins its wording to the installed graphql)", () => {
    let thrown: unknown;
    try {
      parse('{ a b c d }', { maxLexicalTokens: 3 });
    } catch (error) {
      thrown = error;
    }
    const limit = operationLimitErrorOf(thrown);
    expect(limit).toBeInstanceOf(OperationLimitError);
    expect(limit?.code).toBe(OperationLimitCode.QUERY_TOO_LARGE);
    expect(limit?.details).toEqual({ limit: 3 });
  });

  it('finds a rejection wrapped as an originalError and ignores every other error', () => {
    const rejection = new OperationLimitError(OperationLimitCode.QUERY_TOO_DEEP, 'too deep', 10);
    expect(operationLimitErrorOf(new GraphQLError('wrapped', { originalError: rejection }))).toBe(rejection);
    expect(operationLimitErrorOf(new GraphQLError('Cannot query field "x" on type "Query".'))).toBeUndefined();
    expect(operationLimitErrorOf(new Error('Document contains more that 3 tokens'))).toBeUndefined();
    expect(operationLimitErrorOf('nope')).toBeUndefined();
  });
});
