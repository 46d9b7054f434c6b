import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';

/**
 * What a socket's credentials are worth: the request-like headers the
 * authorization guard reads (made from `connectionParams`, since a browser
 * cannot set headers on a WebSocket), and a way to ask, later, whether they
 * still hold (an expired token or a revoked key closes the socket).
 */
export interface SocketAdmission {
  readonly headers: IncomingHttpHeaders;
  /** The authenticated principal, handed to the guard so it does not authenticate again. */
  readonly principal: Promise<unknown>;
  stillValid(): Promise<boolean>;
}

/**
 * Admits a graphql-ws connection from its `connection_init` payload; null
 * refuses it (closed with 4403 Forbidden). Provided by the identity domain.
 *
 * @example
 * { provide: SOCKET_GATEKEEPER, useClass: SocketAuthenticator }
 */
export interface SocketGatekeeper {
  admit(connectionParams: Readonly<Record<string, unknown>> | undefined, request: IncomingMessage): Promise<SocketAdmission | null>;
}

export const SOCKET_GATEKEEPER = Symbol('SOCKET_GATEKEEPER');

/** How often an open socket's credentials are checked again. */
export const SOCKET_RECHECK_MS = 5_000;
/** The close code graphql-ws uses for "Forbidden". */
export const CLOSE_FORBIDDEN = 4403;

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
type Log = (obj: Record<string, unknown>, msg: string) => void;

interface SocketExtra {
  socket: { close(code: number, reason: string): void };
  request: IncomingMessage;
  admission?: SocketAdmission;
  recheck?: NodeJS.Timeout;
}

/**
 * graphql-ws on `/graphql`, held to the rules Apollo applies over HTTP:
 * graphql-ws parses, validates and executes outside Apollo, so the token
 * limit, the validation rules (depth, aliases, cost, directives), error
 * masking and logging are applied here again. Only subscriptions are served
 * on the socket: queries and mutations go over HTTP, where CSRF prevention,
 * rate limits and the outage answer live.
 *
 * @example
 * subscriptions: { 'graphql-ws': graphqlWsOptions({ gatekeeper, parseOptions, validationRules, formatError, logError }) }
 */
export function graphqlWsOptions(options: {
  gatekeeper: SocketGatekeeper;
  parseOptions: ParseOptions;
  validationRules: readonly ValidationRule[];
  formatError: FormatError;
  isUnexpected: (error: unknown, code: unknown) => boolean;
  logError: Log;
}): GraphQLWsSubscriptionsConfig & Record<string, unknown> {
  const rules = [...specifiedRules, ...options.validationRules, subscriptionsOnlyRule];
  const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((error) => {
      // An error thrown by an event stream reaches here wrapped without a path, which the
      // formatter would not unwrap: hand it the original.
      const formatted = options.formatError(error.toJSON(), error.path ? error : (error.originalError ?? error));
      if (options.isUnexpected(error, error.extensions?.code)) options.logError({ err: error.originalError ?? error }, 'Unexpected error on a subscription');
      return formatted;
    });

  return {
    path: '/graphql',
    connectionInitWaitTimeout: 5_000,
    onConnect: async (ctx: { connectionParams?: Readonly<Record<string, unknown>>; extra: unknown }) => {
      const extra = ctx.extra as SocketExtra;
      const admission = await options.gatekeeper.admit(ctx.connectionParams, extra.request).catch(() => null);
      if (!admission) return false;
      extra.admission = admission;
      watch(extra, admission);
      return true;
    },
    onClose: (ctx: { extra: unknown }) => {
      const extra = ctx.extra as SocketExtra;
      if (extra.recheck) clearTimeout(extra.recheck);
    },
    // Parsed here so a syntax error or an oversized document is an error message, not a closed socket.
    onSubscribe: (_ctx: unknown, _id: string, payload: { query: string }) => {
      try {
        parse(payload.query, options.parseOptions);
        return undefined;
      } catch (error) {
        const parseError = error instanceof GraphQLError ? error : new GraphQLError('The operation cannot be parsed');
        return [withCode(parseError, 'GRAPHQL_PARSE_FAILED')];
      }
    },
    parse: (source: string) => parse(source, options.parseOptions),
    validate: (schema: GraphQLSchema, document: DocumentNode) => validate(schema, document, rules).map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED')),
    onNext: (_ctx: unknown, _id: string, _payload: unknown, _args: unknown, result: ExecutionResult) =>
      result.errors ? { ...result, errors: format(result.errors) } : undefined,
    onError: (_ctx: unknown, _id: string, _payload: unknown, errors: readonly GraphQLError[]) => format(errors),
    /** The context of one subscription: the socket's admission in the shape the guard reads. */
    context: (ctx: { extra: unknown }) => {
      const extra = ctx.extra as SocketExtra;
      return {
        req: { headers: extra.admission?.headers ?? {}, ip: extra.request.socket.remoteAddress },
        principal: extra.admission?.principal,
        socket: true,
      };
    },
  };
}

/**
 * Checks the credentials again every few seconds: a socket whose access
 * token expired, whose session ended or whose key was revoked is closed.
 */
function watch(extra: SocketExtra, admission: SocketAdmission): void {
  const schedule = (): void => {
    extra.recheck = setTimeout(() => void check(), SOCKET_RECHECK_MS);
    extra.recheck.unref();
  };
  const check = async (): Promise<void> => {
    const valid = await admission.stillValid();
    if (!valid) {
      extra.socket.close(CLOSE_FORBIDDEN, 'Forbidden: the session or key is no longer valid');
      return;
    }
    schedule();
  };
  schedule();
}

/** Gives a graphql-js error the code Apollo would give it over HTTP (an operation limit keeps its own). */
function withCode(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions.code || error.originalError) return error;
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions: { code } });
}

/** The socket serves subscriptions; queries and mutations are answered over HTTP. */
const subscriptionsOnlyRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'subscription') {
      context.reportError(new GraphQLError(`Send ${node.operation} operations with POST /graphql; the socket serves subscriptions only`, { nodes: [node] }));
    }
  },
});
