import { DynamicModule, Global, Module } from '@nestjs/common';
import { DATABASE_URL, PgListener } from './pg-listener';

/** The process's one LISTEN connection, for every domain that waits on NOTIFY. */
@Global()
@Module({})
export class PgListenerModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: PgListenerModule,
      providers: [{ provide: DATABASE_URL, useValue: databaseUrl }, PgListener],
      exports: [PgListener],
    };
  }
}
