import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLSchema,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { MetricsRegistry } from '../metrics/metrics.registry';

/** Label values for requests that never reached a valid operation (parse or validation failed). */
export const NO_OPERATION = '(none)';
const INVALID = '(invalid)';
/** Introspection's root fields are not in the root type's field map but are legitimate. */
const INTROSPECTION_ROOT_FIELDS = new Set(['__schema', '__type']);
// Codes are set by the server (formatGraphqlError), not sent by clients; the
// shape check is a second fence against an unexpected library code.
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * Observes `sigap_graphql_operation_duration_seconds` by operation type and
 * root field, and counts `sigap_graphql_errors_total` by `extensions.code`.
 *
 * Root fields come from the validated document and are kept only if the
 * schema's root type has them, so the label has at most as many values as the
 * schema has root fields. The client's `operationName` is free text and is
 * never used. An operation with several root fields is observed once under
 * each (the duration is the whole operation's): per root field that is "how
 * long requests asking for it took".
 *
 * @example
 * plugins: [graphqlMetricsPlugin(metrics)]
 */
export function graphqlMetricsPlugin(metrics: MetricsRegistry): ApolloServerPlugin {
  const duration = metrics.histogram<'operation_type' | 'root_field'>({
    name: 'sigap_graphql_operation_duration_seconds',
    help: 'GraphQL operations by type and root field (one observation per root field), from request start to response',
    labelNames: ['operation_type', 'root_field'],
  });
  const errors = metrics.counter<'code'>({
    name: 'sigap_graphql_errors_total',
    help: 'Errors in GraphQL responses, by extensions.code',
    labelNames: ['code'],
  });
  return {
    async requestDidStart() {
      const started = performance.now();
      let operationType = INVALID;
      let rootFields: readonly string[] = [NO_OPERATION];
      return {
        async didResolveOperation({ operation, document, schema }) {
          if (!operation) return;
          operationType = operation.operation;
          const fields = rootFieldNames(operation, document, schema);
          rootFields = fields.length > 0 ? fields : [NO_OPERATION];
        },
        async willSendResponse({ response }) {
          const seconds = (performance.now() - started) / 1000;
          for (const rootField of rootFields) duration.observe({ operation_type: operationType, root_field: rootField }, seconds);
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const code = error.extensions?.code;
            errors.inc({ code: typeof code === 'string' && ERROR_CODE.test(code) ? code : 'OTHER' });
          }
        },
      };
    },
  };
}

/**
 * The distinct root fields an operation selects (aliases resolved to field
 * names, fragments followed), restricted to those the schema's root type has.
 */
export function rootFieldNames(operation: OperationDefinitionNode, document: DocumentNode, schema: GraphQLSchema): string[] {
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return [];
  const known = rootType.getFields();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const names = new Set<string>();
  const seenFragments = new Set<string>();
  const walk = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (Object.hasOwn(known, name) || INTROSPECTION_ROOT_FIELDS.has(name)) names.add(name);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Validation forbids fragment cycles; the guard keeps this safe on its own.
        if (fragment && !seenFragments.has(name)) {
          seenFragments.add(name);
          walk(fragment.selectionSet);
        }
      }
    }
  };
  walk(operation.selectionSet);
  return [...names].sort();
}
