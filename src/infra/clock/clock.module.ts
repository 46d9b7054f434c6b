import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, CLOCK, SystemClock } from './clock';

/** Provides {@link CLOCK}: the system clock, or the one a test hands in. */
@Global()
@Module({})
export class ClockModule {
  static forRoot(clock: Clock = new SystemClock()): DynamicModule {
    return { module: ClockModule, providers: [{ provide: CLOCK, useValue: clock }], exports: [CLOCK] };
  }
}
