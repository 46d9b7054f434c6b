// The OpenAPI 3 description of the Open311 routes, served at
// /open311/v2/openapi.json. A test checks it against the controller's routes
// both ways, so a route cannot be added or dropped without this file.

const FORMAT = { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['xml', 'json'] }, description: 'xml (required by the spec; FixMyStreet reads only XML) or json' } as const;
const JURISDICTION = { name: 'jurisdiction_id', in: 'query', required: false, schema: { type: 'string' }, description: 'Optional; another jurisdiction than the one served answers 404' } as const;
const API_KEY_QUERY = { name: 'api_key', in: 'query', required: false, schema: { type: 'string' }, description: 'Optional on GET; when given it must be valid (403) and is rate limited per key' } as const;
const LOCALE = { name: 'locale', in: 'query', required: false, schema: { type: 'string', example: 'en' }, description: 'id (default) or en; Accept-Language is read too' } as const;
const text = (description: string): Record<string, unknown> => ({ type: 'string', description });
const nullable = (description: string, format?: string): Record<string, unknown> => ({ type: 'string', nullable: true, description, ...(format && { format }) });

const errors = {
  '400': { description: 'Missing or invalid arguments (every problem listed)', content: { 'text/xml': { schema: { $ref: '#/components/schemas/Errors' } }, 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } } },
  '403': { description: 'Missing, invalid or revoked api_key', content: { 'text/xml': { schema: { $ref: '#/components/schemas/Errors' } }, 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } } },
  '404': { description: 'Unknown jurisdiction, service_code, service_request_id, token or format', content: { 'text/xml': { schema: { $ref: '#/components/schemas/Errors' } }, 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } } },
  '429': { description: 'Rate limit of the key (or of the address, without a key) reached; see Retry-After', content: { 'text/xml': { schema: { $ref: '#/components/schemas/Errors' } }, 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } } },
};

const ok = (description: string, schema: Record<string, unknown>): Record<string, unknown> => ({
  '200': { description, content: { 'text/xml': { schema }, 'application/json': { schema } } },
  ...errors,
});
const list = (ref: string): Record<string, unknown> => ({ type: 'array', items: { $ref: `#/components/schemas/${ref}` } });

/** The OpenAPI 3.0 document of /open311/v2 (paths relative to the server URL). */
export const OPEN311_OPENAPI = {
  openapi: '3.0.3',
  info: {
    title: 'Sigap Open311 GeoReport v2',
    version: '2',
    description:
      'Open311 GeoReport v2 for Bangli regency, with FixMyStreet\'s servicerequestupdates extension. XML answers follow the spec\'s ' +
      'element names (services/service, service_requests/request, service_request_updates/request_update, errors/error); JSON answers ' +
      'are the same records, lists as bare arrays. Date-times are W3C with the +08:00 offset. See docs/open311.md.',
  },
  servers: [{ url: '/open311/v2' }],
  paths: {
    '/discovery.{format}': { get: { summary: 'Service discovery', parameters: [FORMAT], responses: ok('The discovery document', { $ref: '#/components/schemas/Discovery' }) } },
    '/services.{format}': { get: { summary: 'Service list: the categories citizens\' apps may file', parameters: [FORMAT, JURISDICTION, API_KEY_QUERY, LOCALE], responses: ok('Services', list('Service')) } },
    '/services/{service_code}.{format}': {
      get: {
        summary: 'Service definition: the category\'s questions as attributes',
        parameters: [{ name: 'service_code', in: 'path', required: true, schema: { type: 'string' } }, FORMAT, JURISDICTION, API_KEY_QUERY, LOCALE],
        responses: ok('The definition', { $ref: '#/components/schemas/ServiceDefinition' }),
      },
    },
    '/requests.{format}': {
      get: {
        summary: 'Service requests (public ones; never the reporter\'s identity; confidential reports never)',
        parameters: [
          FORMAT, JURISDICTION, API_KEY_QUERY, LOCALE,
          { name: 'service_request_id', in: 'query', schema: { type: 'string' }, description: 'Comma list; overrides the other filters' },
          { name: 'service_code', in: 'query', schema: { type: 'string' }, description: 'Comma list' },
          { name: 'start_date', in: 'query', schema: { type: 'string', format: 'date-time' } },
          { name: 'end_date', in: 'query', schema: { type: 'string', format: 'date-time' }, description: 'At most 90 days after start_date; default the last 90 days' },
          { name: 'status', in: 'query', schema: { type: 'string', enum: ['open', 'closed'] } },
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
          { name: 'page_size', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 1000 } },
        ],
        responses: ok('Requests, newest first', list('ServiceRequest')),
      },
      post: {
        summary: 'Create a service request (a ticket of channel OPEN311)',
        parameters: [FORMAT],
        requestBody: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/NewServiceRequest' } },
            'application/json': { schema: { $ref: '#/components/schemas/NewServiceRequest' } },
          },
        },
        responses: ok('Created (or the same ticket again, for the same POST within the dedupe window)', list('ServiceRequestCreated')),
      },
    },
    '/requests/{service_request_id}.{format}': {
      get: {
        summary: 'One service request',
        parameters: [{ name: 'service_request_id', in: 'path', required: true, schema: { type: 'string', example: 'BGL-2026-000123' } }, FORMAT, JURISDICTION, API_KEY_QUERY, LOCALE],
        responses: ok('The request (a list of one)', list('ServiceRequest')),
      },
    },
    '/tokens/{token}.{format}': {
      get: {
        summary: 'The request a token stands for',
        parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }, FORMAT, JURISDICTION, API_KEY_QUERY],
        responses: ok('The request id', list('Token')),
      },
    },
    '/servicerequestupdates.{format}': {
      get: {
        summary: 'FixMyStreet extension: updates (state changes and the OPDs\' public notes) in a window',
        parameters: [
          FORMAT, JURISDICTION, API_KEY_QUERY, LOCALE,
          { name: 'start_date', in: 'query', schema: { type: 'string', format: 'date-time' }, description: 'With end_date, or neither (the last 24 hours)' },
          { name: 'end_date', in: 'query', schema: { type: 'string', format: 'date-time' }, description: 'Exclusive; at most 90 days after start_date' },
        ],
        responses: ok('Updates, oldest first, at most 1,000', list('RequestUpdate')),
      },
      post: {
        summary: 'FixMyStreet extension: a citizen\'s comment (status OPEN/CLOSED) or reopen request (REOPEN, or OPEN on a closed request) on a request the same app filed',
        parameters: [FORMAT],
        requestBody: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/NewRequestUpdate' } },
            'application/json': { schema: { $ref: '#/components/schemas/NewRequestUpdate' } },
          },
        },
        responses: ok('Recorded', list('RequestUpdateCreated')),
      },
    },
    '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3 document', content: { 'application/json': { schema: { type: 'object' } } } } } } },
  },
  components: {
    schemas: {
      Errors: { type: 'array', xml: { name: 'errors', wrapped: true }, items: { type: 'object', xml: { name: 'error' }, required: ['code', 'description'], properties: { code: { type: 'integer' }, description: { type: 'string' } } } },
      Discovery: {
        type: 'object', xml: { name: 'discovery' },
        properties: {
          changeset: { type: 'string', format: 'date-time' }, contact: { type: 'string' }, key_service: { type: 'string' },
          endpoints: { type: 'array', items: { type: 'object', properties: { specification: { type: 'string' }, url: { type: 'string' }, changeset: { type: 'string' }, type: { type: 'string', enum: ['production', 'test'] }, formats: { type: 'array', items: { type: 'string' } } } } },
        },
      },
      Service: {
        type: 'object', xml: { name: 'service' },
        properties: {
          service_code: text('The category code, e.g. JALAN_RUSAK'), service_name: text('In the requested language'), description: text('In the requested language'),
          metadata: { type: 'boolean', description: 'true when the service has attributes' }, type: { type: 'string', enum: ['realtime'] },
          keywords: text('Comma list'), group: text('The responsible OPD'),
        },
      },
      ServiceDefinition: {
        type: 'object', xml: { name: 'service_definition' },
        properties: {
          service_code: { type: 'string' },
          attributes: {
            type: 'array',
            items: {
              type: 'object', xml: { name: 'attribute' },
              properties: {
                variable: { type: 'boolean' }, code: { type: 'string' },
                datatype: { type: 'string', enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
                required: { type: 'boolean' }, datatype_description: { type: 'string', nullable: true }, order: { type: 'integer' }, description: { type: 'string' },
                values: { type: 'array', items: { type: 'object', xml: { name: 'value' }, properties: { key: { type: 'string' }, name: { type: 'string' } } } },
              },
            },
          },
        },
      },
      NewServiceRequest: {
        type: 'object', required: ['api_key', 'service_code'],
        properties: {
          api_key: text('The client\'s key (403 when missing or invalid)'), jurisdiction_id: { type: 'string' }, service_code: { type: 'string' },
          lat: { type: 'number', minimum: -90, maximum: 90 }, long: { type: 'number', minimum: -180, maximum: 180 }, address_string: { type: 'string', maxLength: 500 },
          'attribute[CODE]': text('An answer; attribute[CODE][]=… repeated for a multivaluelist'),
          email: { type: 'string' }, device_id: { type: 'string' }, deviceid: text('FixMyStreet\'s spelling of device_id'), account_id: { type: 'string' },
          first_name: { type: 'string' }, last_name: text('"-" reads as none (FixMyStreet)'), phone: { type: 'string' },
          description: { type: 'string', maxLength: 4000 }, media_url: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, maxItems: 20 }] },
          locale: { type: 'string' },
        },
      },
      ServiceRequestCreated: {
        type: 'object', xml: { name: 'request' },
        properties: { service_request_id: text('The ticket number'), token: text('The ticket id, for /tokens/{token}'), service_notice: nullable('The SLA target in words'), account_id: nullable('As sent') },
      },
      Token: { type: 'object', xml: { name: 'request' }, properties: { service_request_id: { type: 'string' }, token: { type: 'string' } } },
      ServiceRequest: {
        type: 'object', xml: { name: 'request' },
        properties: {
          service_request_id: { type: 'string' }, status: { type: 'string', enum: ['open', 'closed'] }, status_notes: nullable('The newest public note of the OPD'),
          service_name: { type: 'string' }, service_code: { type: 'string' }, description: nullable('Only for reports filed through Open311 or the web'),
          agency_responsible: text('The OPD\'s name'), service_notice: nullable('The SLA target in words'),
          requested_datetime: { type: 'string', format: 'date-time' }, updated_datetime: { type: 'string', format: 'date-time' },
          expected_datetime: nullable('The running SLA clock\'s due time', 'date-time'), address: { type: 'string', nullable: true },
          address_id: { type: 'string', nullable: true }, zipcode: { type: 'string', nullable: true },
          lat: { type: 'number', nullable: true, description: 'Rounded to 6 decimals' }, long: { type: 'number', nullable: true }, media_url: { type: 'string', nullable: true },
        },
      },
      RequestUpdate: {
        type: 'object', xml: { name: 'request_update' },
        properties: {
          update_id: { type: 'string' }, service_request_id: { type: 'string' },
          status: { type: 'string', enum: ['open', 'closed', 'fixed', 'in_progress', 'planned', 'action_scheduled', 'investigating', 'duplicate', 'not_councils_responsibility', 'no_further_action', 'internal_referral', 'cancelled', 'reopen', 'for_triage'] },
          updated_datetime: { type: 'string', format: 'date-time' }, description: { type: 'string' }, media_url: { type: 'string', nullable: true },
        },
      },
      NewRequestUpdate: {
        type: 'object', required: ['api_key', 'service_request_id', 'status', 'description'],
        properties: {
          api_key: { type: 'string' }, service_request_id: { type: 'string' }, update_id: text('The client\'s own id'),
          status: { type: 'string', description: 'Upper case: OPEN, CLOSED (a comment), REOPEN' }, updated_datetime: { type: 'string', format: 'date-time' },
          description: { type: 'string', maxLength: 4000 }, account_id: { type: 'string' },
        },
      },
      RequestUpdateCreated: { type: 'object', xml: { name: 'request_update' }, properties: { update_id: { type: 'string' }, account_id: { type: 'string', nullable: true } } },
    },
  },
} as const;
