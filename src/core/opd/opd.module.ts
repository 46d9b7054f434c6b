import { EntityManager } from '@mikro-orm/postgresql';
import { DynamicModule, Global, Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { Clock, CLOCK } from '../../infra/clock/clock';
import { CategoryCatalog } from './application/category-catalog.service';
import { CategoryRouter } from './application/category-router';
import { CategorySuggester } from './application/category-suggester';
import { PublicServiceCatalog } from './application/public-service-catalog';
import { OpdDirectory } from './application/opd-directory';
import { syncOpdCatalog } from './application/opd-catalog.sync';
import { OPD_DEFINITIONS, OpdRegistry } from './application/opd-registry';
import { ROLLOUT_SETTINGS, RolloutSettings } from './application/rollout-settings';
import { CategoryAdminResolver } from './api/category-admin.resolver';
import { OpdResolver } from './api/opd.resolver';
import type { OpdModuleDefinition } from './opd-module.contract';

/**
 * The OPD plug-in host. It receives the enabled modules from config/ (it
 * never imports one), validates them together when the registry is built, and
 * syncs them into the catalog tables before the app serves a request.
 */
@Global()
@Module({})
export class OpdModule implements OnModuleInit {
  private readonly logger = new Logger('OpdModule');

  constructor(
    private readonly registry: OpdRegistry,
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  static forRoot(definitions: readonly OpdModuleDefinition[], rollout: RolloutSettings): DynamicModule {
    return {
      module: OpdModule,
      providers: [
        { provide: OPD_DEFINITIONS, useValue: definitions },
        // Built here, so a bad module stops the boot before anything else runs.
        { provide: OpdRegistry, useFactory: (defs: OpdModuleDefinition[]) => new OpdRegistry(defs), inject: [OPD_DEFINITIONS] },
        // The suggestion index, built once at boot from the validated modules.
        { provide: CategorySuggester, useFactory: (registry: OpdRegistry) => new CategorySuggester(registry), inject: [OpdRegistry] },
        { provide: ROLLOUT_SETTINGS, useValue: rollout },
        CategoryCatalog,
        CategoryRouter,
        OpdDirectory,
        PublicServiceCatalog,
        OpdResolver,
        CategoryAdminResolver,
      ],
      exports: [OpdRegistry, CategoryCatalog, CategoryRouter, OpdDirectory, PublicServiceCatalog],
    };
  }

  async onModuleInit(): Promise<void> {
    const report = await syncOpdCatalog(this.em.fork(), this.registry, this.clock.now());
    const { opds, categories } = report;
    this.logger.log(
      `OPD catalog: ${this.registry.modules.length} module(s) enabled; ` +
        `OPDs +${opds.added.length} ~${opds.changed.length} -${opds.disabled.length}, ` +
        `categories +${categories.added.length} ~${categories.changed.length} -${categories.removed.length}`,
    );
  }
}
