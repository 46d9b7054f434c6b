import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule as NestGraphQLModule } from '@nestjs/graphql';
import * as path from 'node:path';
import { Logger } from 'nestjs-pino';
import { AppConfig, PROJECT_ROOT } from '../../../config/app.config';
import { graphqlHardening, withOperationLimitCodes } from '../security/graphql-hardening';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { databaseOutagePlugin } from './database-outage.plugin';
import { errorLoggingPlugin } from './error-logging.plugin';
import { formatGraphqlError, isUnexpected } from './graphql-error.formatter';
import { graphqlMetricsPlugin } from './graphql-metrics.plugin';
import { graphqlWsOptions, SOCKET_GATEKEEPER, type SocketGatekeeper } from './graphql-ws.options';
import { noSubscriptionOverHttpRule, supportedOperationsRule } from './supported-operations.rule';

/**
 * Code-first Apollo over HTTP, and graphql-ws subscriptions on the same
 * path. Outside production the schema is printed to schema.gql (committed,
 * so consumers can diff it; CI fails when it is stale).
 */
@Module({})
export class GraphqlApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    const production = config.env === 'production';
    const hardening = graphqlHardening({ production, sandbox: config.graphql.sandbox });
    return {
      module: GraphqlApiModule,
      imports: [
        NestGraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [Logger, SOCKET_GATEKEEPER, MetricsRegistry],
          useFactory: (logger: Logger, gatekeeper: SocketGatekeeper, metrics: MetricsRegistry) => ({
            path: '/graphql',
            autoSchemaFile: production ? true : path.join(PROJECT_ROOT, 'schema.gql'),
            sortSchema: true,
            playground: false,
            introspection: config.graphql.sandbox,
            plugins: [
              errorLoggingPlugin((obj, msg) => logger.error(obj, msg), (obj, msg) => logger.log(obj, msg)),
              databaseOutagePlugin((obj, msg) => logger.error(obj, msg), (obj, msg) => logger.log(obj, msg)),
              graphqlMetricsPlugin(metrics),
              // No field has a cache hint and every /graphql answer gets `cache-control: no-store`
              // from the security headers; Apollo's default cache-control plugin walked each
              // resolved field for nothing (1.2 % of the server's CPU in the intake profile).
              ApolloServerPluginCacheControlDisabled(),
              ...(config.graphql.sandbox ? [ApolloServerPluginLandingPageLocalDefault({ footer: false })] : []),
            ],
            includeStacktraceInErrorResponses: false,
            // Depth, alias, cost, token and directive limits; no field suggestions without introspection.
            ...hardening,
            validationRules: [...hardening.validationRules, supportedOperationsRule, noSubscriptionOverHttpRule],
            // No automatic persisted queries: clients send the query. Apollo then answers a hash with
            // PERSISTED_QUERY_NOT_SUPPORTED (its not-found and mismatch errors were masked as INTERNAL).
            persistedQueries: false,
            // Nest resets any execution error's status to 200; the outage plugin's 503 must reach the client.
            preserveHttpStatusForExecutionErrors: false,
            formatError: withOperationLimitCodes(formatGraphqlError),
            allowBatchedHttpRequests: false,
            csrfPrevention: true,
            context: ({ req }: { req: unknown }) => ({ req }),
            // graphql-ws, set explicitly (Nest's default is the legacy subscriptions-transport-ws protocol).
            subscriptions: {
              'graphql-ws': graphqlWsOptions({
                gatekeeper,
                parseOptions: hardening.parseOptions,
                validationRules: [...hardening.validationRules, supportedOperationsRule],
                formatError: withOperationLimitCodes(formatGraphqlError),
                isUnexpected,
                logError: (obj, msg) => logger.error(obj, msg),
              }),
            },
          }),
        }),
      ],
    };
  }
}
