import { DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '../../../config/app.config';

/** Injection token of the validated {@link AppConfig}. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Makes the configuration, validated once in main.ts, injectable everywhere.
 * Nothing below reads the environment itself.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
