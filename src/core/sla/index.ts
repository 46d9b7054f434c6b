// The SLA domain's public face: what other domains may use.
export { SlaBoardReader } from './application/sla-board';
export type { SlaBoard, SlaBoardEntry } from './application/sla-board';
export { SlaBoardModel, toSlaBoardModel } from './api/sla-board.model';
export { SlaMetric } from './api/sla-graphql.enums';
export { TicketDueTimes } from './application/ticket-due-times';
export type { TicketDueTime } from './application/ticket-due-times';
