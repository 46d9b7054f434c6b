import type { OpdModuleDefinition } from '../src/core/opd';
import { bpbd } from '../modules/bpbd/bpbd.opd';
import { dinkes } from '../modules/dinkes/dinkes.opd';
import { dishub } from '../modules/dishub/dishub.opd';
import { puprPerkim } from '../modules/pupr-perkim/pupr-perkim.opd';
import { satpolppDamkar } from '../modules/satpolpp-damkar/satpolpp-damkar.opd';

/**
 * The enabled OPD modules, in order. Adding an OPD: a folder in modules/
 * (`npm run opd:new`) and one line here. Removing a line disables the OPD:
 * its rows stay (tickets keep them), its categories are no longer offered.
 */
export const ENABLED_OPD_MODULES: readonly OpdModuleDefinition[] = [
  bpbd,
  satpolppDamkar,
  puprPerkim,
  dishub,
  dinkes,
];
