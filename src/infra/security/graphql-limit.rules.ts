import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import type { PublicError } from '../graphql/graphql-error.formatter';
import { type GraphqlLimits, OperationLimitCode } from './graphql-limits';

/**
 * An operation refused for its size. It is a {@link PublicError}: the API's
 * formatter passes its code, message and `limit` to the client unmasked.
 *
 * @example
 * new OperationLimitError(OperationLimitCode.QUERY_TOO_DEEP, 'Query depth limit of 10 exceeded, found 12.', 10);
 * // -> { message: 'Query depth ...', extensions: { code: 'QUERY_TOO_DEEP', limit: 10 } }
 */
export class OperationLimitError extends GraphQLError implements PublicError {
  readonly isPublic = true;
  readonly details: { readonly limit: number };

  constructor(
    readonly code: OperationLimitCode,
    message: string,
    limit: number,
  ) {
    super(message, { extensions: { code, limit } });
    this.name = 'OperationLimitError';
    this.details = { limit };
  }
}

/** What the rules and the parser need from the limits; also what unit tests use to run them alone. */
export interface OperationLimitOptions {
  readonly validationRules: ValidationRule[];
  readonly parseOptions: ParseOptions;
}

/**
 * The checks for Apollo's `validationRules` and `parseOptions`.
 *
 * graphql-armor's rules count depth, aliases, cost and directives; each
 * rejection is reported to the validation context as an
 * {@link OperationLimitError} (armor's own Apollo wrapper would report them all
 * as BAD_USER_INPUT, and throw for tokens). The token limit is graphql-js's
 * own `maxLexicalTokens`: the lexer stops at the limit, so an oversized
 * document costs at most `maxTokens` tokens of work (armor's token plugin
 * would parse the document a second time).
 *
 * @example
 * const { validationRules, parseOptions } = operationLimits(GRAPHQL_LIMITS);
 * new ApolloServer({ schema, validationRules, parseOptions });
 */
export function operationLimits(limits: GraphqlLimits): OperationLimitOptions {
  // armor throws on a rejection by default; report instead, so the request
  // ends as a normal validation failure (HTTP 400) beside any other.
  const reject = (code: OperationLimitCode, limit: number) => ({
    propagateOnRejection: false,
    exposeLimits: true,
    onReject: [
      (ctx: ValidationContext | null, error: GraphQLError) =>
        ctx?.reportError(new OperationLimitError(code, withoutArmorPrefix(error.message), limit)),
    ],
  });
  return {
    validationRules: [
      // Fragments are flattened: a named fragment is a way to write a
      // selection, not a level of the answer (armor counts it as one).
      maxDepthRule({
        n: limits.maxDepth,
        flattenFragments: true,
        ...reject(OperationLimitCode.QUERY_TOO_DEEP, limits.maxDepth),
      }),
      // armor skips aliases of __typename by default; a million of them is still a million answers.
      maxAliasesRule({ n: limits.maxAliases, allowList: [], ...reject(OperationLimitCode.TOO_MANY_ALIASES, limits.maxAliases) }),
      costLimitRule({
        maxCost: limits.maxCost,
        depthCostFactor: limits.costDepthFactor,
        flattenFragments: true,
        ...reject(OperationLimitCode.QUERY_TOO_COSTLY, limits.maxCost),
      }),
      maxDirectivesRule({ n: limits.maxDirectives, ...reject(OperationLimitCode.TOO_MANY_DIRECTIVES, limits.maxDirectives) }),
    ],
    parseOptions: { maxLexicalTokens: limits.maxTokens },
  };
}

// graphql-js's wording (16.x, typo included); a unit test pins it against the
// installed graphql, so an upgrade that changes it fails there, not in production.
const TOKEN_LIMIT_MESSAGE = /Document contains more th(?:at|an) (\d+) tokens/;

/**
 * The size rejection behind an error Apollo reports, if it is one: Apollo
 * wraps a validation rule's error in its own ValidationError (code
 * GRAPHQL_VALIDATION_FAILED, the rule's error as `originalError`) and a parse
 * failure in a SyntaxError (GRAPHQL_PARSE_FAILED).
 */
export function operationLimitErrorOf(error: unknown): OperationLimitError | undefined {
  if (error instanceof OperationLimitError) return error;
  if (!(error instanceof GraphQLError)) return undefined;
  if (error.originalError instanceof OperationLimitError) return error.originalError;
  const tokens = TOKEN_LIMIT_MESSAGE.exec(error.message);
  if (tokens && !error.path) {
    const limit = Number(tokens[1]);
    return new OperationLimitError(
      OperationLimitCode.QUERY_TOO_LARGE,
      `Document has more than ${limit} tokens; split the request.`,
      limit,
    );
  }
  return undefined;
}

function withoutArmorPrefix(message: string): string {
  // armor words every rejection as a syntax error; it is not one.
  return message.replace(/^Syntax Error:\s*/, '');
}
