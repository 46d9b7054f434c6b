import type { GraphQLFormattedError, ParseOptions, ValidationRule } from 'graphql';
import { operationLimitErrorOf, operationLimits } from './graphql-limit.rules';
import { GRAPHQL_LIMITS, type GraphqlLimits } from './graphql-limits';

/** Apollo options this module adds; the rest (CSRF, no batching, introspection) is set in graphql.module.ts. */
export interface GraphqlHardeningOptions {
  readonly validationRules: ValidationRule[];
  readonly parseOptions: ParseOptions;
  readonly hideSchemaDetailsFromClientErrors: boolean;
}

/**
 * The abuse limits for Apollo: operation size limits, and no field
 * suggestions ("Did you mean ...") where introspection is off, since they
 * would let a client rebuild the schema one typo at a time.
 *
 * @example
 * NestGraphQLModule.forRoot({ ...graphqlHardening({ production, sandbox }), formatError: withOperationLimitCodes(format) });
 */
export function graphqlHardening(options: {
  production: boolean;
  /** Introspection and the sandbox page are on. */
  sandbox: boolean;
  limits?: GraphqlLimits;
}): GraphqlHardeningOptions {
  const { validationRules, parseOptions } = operationLimits(options.limits ?? GRAPHQL_LIMITS);
  return {
    validationRules,
    parseOptions,
    hideSchemaDetailsFromClientErrors: options.production || !options.sandbox,
  };
}

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Hands the API's formatter the size rejection itself (a public error with its
 * own code) instead of Apollo's wrapper around it, which carries only
 * GRAPHQL_VALIDATION_FAILED or GRAPHQL_PARSE_FAILED. Every other error goes
 * through unchanged.
 *
 * @example
 * formatError: withOperationLimitCodes(formatGraphqlError)
 * // a too-deep query -> { message, extensions: { code: 'QUERY_TOO_DEEP', limit: 10 } }
 */
export function withOperationLimitCodes(format: FormatError): FormatError {
  return (formatted, error) => format(formatted, operationLimitErrorOf(error) ?? error);
}
