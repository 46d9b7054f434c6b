/**
 * Who acts: the kernel every domain may import. Identity's guard decides who
 * the caller is and what reach each root field grants; resolvers of any
 * domain receive the result through {@link CurrentActor}, and commands and
 * events carry the {@link Actor}.
 *
 * @example
 * tickets(@CurrentActor() actor: Actor) { … actor.restrictedToOpd … }
 */
import './actor.graphql';

export { ActorRole } from './actor';
export type { Actor } from './actor';
export { CurrentActor } from './current-actor.decorator';
export type { ActorContext } from './current-actor.decorator';
