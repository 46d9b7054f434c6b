// The caller domain's public face. Nothing is offered to other domains yet;
// the composition root imports the module and the entity.
export { CallerModule } from './caller.module';
export { CallerFlag } from './domain/caller-flag.entity';
