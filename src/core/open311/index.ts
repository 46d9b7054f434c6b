// The Open311 domain's public face: the composition root wires its HTTP rules
// (body limit, CORS, error bodies) into the Fastify instance and the exception filter.
export { Open311Module } from './open311.module';
export { OPEN311_SETTINGS } from './open311-settings';
export type { Open311Settings } from './open311-settings';
export { Open311Client } from './domain/open311-client.entity';
export { Open311Error } from './domain/open311.error';
export { asOpen311Error, formatOfUrl, isOpen311Url, open311HttpHooks, sendOpen311Error, OPEN311_BASE } from './api/open311-http';
export type { Open311HttpReply, Open311HttpRequest } from './api/open311-http';
export { OPEN311_OPENAPI } from './api/open311.openapi';
export { Open311Controller } from './api/open311.controller';
