import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses an operation type the schema does not serve. graphql-js 16 does not
 * validate this itself (a `subscription` reached execution and failed there,
 * masked as INTERNAL); as a validation error the client gets
 * GRAPHQL_VALIDATION_FAILED and HTTP 400, with a message saying what to do.
 *
 * @example
 * validationRules: [supportedOperationsRule]
 */
export const supportedOperationsRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root = node.operation === 'query' ? schema.getQueryType() : node.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    if (root) return;
    const advice = node.operation === 'subscription' ? 'this API offers no subscriptions' : 'send a query';
    context.reportError(new GraphQLError(`This API does not serve ${node.operation} operations: ${advice}`, { nodes: [node] }));
  },
});

/**
 * Over HTTP, a subscription is refused with what to do instead: subscribe
 * over a WebSocket (graphql-ws) on the same path. Apollo would otherwise
 * answer it with a bare HTTP error of its own.
 *
 * @example
 * validationRules: [supportedOperationsRule, noSubscriptionOverHttpRule] // HTTP only
 */
export const noSubscriptionOverHttpRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'subscription' || !context.getSchema().getSubscriptionType()) return;
    context.reportError(
      new GraphQLError('Subscriptions are served over a WebSocket on /graphql (graphql-ws protocol, graphql-transport-ws), not over HTTP POST', { nodes: [node] }),
    );
  },
});
