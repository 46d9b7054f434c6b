import type { CategoryDefinition, OpdModuleDefinition } from '../opd-module.contract';
import { assertValidOpdModules } from '../opd-module.validator';

/** Injection token of the enabled module definitions, in config order. */
export const OPD_DEFINITIONS = Symbol('OPD_DEFINITIONS');

/**
 * The enabled OPD modules, validated together once at boot (a mistake throws
 * OpdModuleError naming it) and indexed for look-ups.
 *
 * @example
 * const registry = new OpdRegistry([bpbd, dinkes]);
 * registry.categoryOwner('POHON_TUMBANG'); // 'BPBD'
 */
export class OpdRegistry {
  private readonly byCode = new Map<string, OpdModuleDefinition>();
  private readonly owners = new Map<string, { opd: OpdModuleDefinition; category: CategoryDefinition }>();

  constructor(readonly modules: readonly OpdModuleDefinition[]) {
    assertValidOpdModules(modules);
    for (const module of modules) {
      this.byCode.set(module.code, module);
      for (const category of module.categories) this.owners.set(category.code, { opd: module, category });
    }
  }

  module(code: string): OpdModuleDefinition | undefined {
    return this.byCode.get(code);
  }

  categoryOwner(code: string): string | undefined {
    return this.owners.get(code)?.opd.code;
  }

  allCategories(): Array<{ opd: OpdModuleDefinition; category: CategoryDefinition }> {
    return [...this.owners.values()];
  }
}
