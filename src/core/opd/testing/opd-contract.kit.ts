import { suggestCategories } from '../category-suggestions';
import type { OpdModuleDefinition } from '../opd-module.contract';
import { SYNONYM_LANGUAGES } from '../opd-module.contract';
import { validateOpdModules } from '../opd-module.validator';
import { competingWords, competitionWarning } from './competing-words.check';

export interface OpdContractOptions {
  /** The launch OPDs promise at least five categories, emergency and ordinary ones. */
  readonly minCategories?: number;
  readonly requireEmergencyAndOrdinary?: boolean;
  /** Other modules enabled beside this one: codes must not clash with theirs. */
  readonly alongside?: readonly OpdModuleDefinition[];
}

/**
 * The reusable contract test of an OPD module: every module's spec calls it
 * (the scaffolder writes that call), so a new OPD is held to the same rules
 * as the first five before it can ever stop a boot.
 *
 * @example
 * // modules/dinsos/dinsos.opd.spec.ts
 * describeOpdContract(dinsos);
 */
export function describeOpdContract(module: OpdModuleDefinition, options: OpdContractOptions = {}): void {
  const { minCategories = 1, requireEmergencyAndOrdinary = false, alongside = [] } = options;

  describe(`OPD module ${module.code}: the plug-in contract`, () => {
    it('passes the boot validation, alone and with the other enabled modules', () => {
      expect(validateOpdModules([module])).toEqual([]);
      const others = alongside.filter((m) => m.code !== module.code);
      expect(validateOpdModules([...others, module])).toEqual([]);
    });

    it(`declares at least ${minCategories} categor${minCategories === 1 ? 'y' : 'ies'}`, () => {
      expect(module.categories.length).toBeGreaterThanOrEqual(minCategories);
    });

    if (requireEmergencyAndOrdinary) {
      it('has both emergency and ordinary categories', () => {
        const kinds = new Set(module.categories.map((c) => c.defaultKind));
        expect([...kinds].sort()).toEqual(['COMPLAINT', 'EMERGENCY']);
      });
    }

    it('lets call takers find every category by each of its own keywords and synonyms', () => {
      for (const category of module.categories) {
        for (const language of ['id', 'en'] as const) {
          for (const keyword of category.keywords[language]) {
            const codes = suggestCategories(module.categories, keyword, language).map((s) => s.category.code);
            expect({ keyword, found: codes.includes(category.code) }).toEqual({ keyword, found: true });
          }
        }
        for (const language of SYNONYM_LANGUAGES) {
          for (const synonym of category.synonyms?.[language] ?? []) {
            const codes = suggestCategories(module.categories, synonym, language === 'en' ? 'en' : 'id').map((s) => s.category.code);
            expect({ synonym, found: codes.includes(category.code) }).toEqual({ synonym, found: true });
          }
        }
      }
    });

    // A warning, not a failure: two OPDs may share a word, but the author should know.
    it("warns when another OPD's category competes for the same words", () => {
      const words = competingWords(module, alongside);
      if (words.length > 0) console.warn(competitionWarning(module.code, words));
    });

    it("tells Diskominfo's command centre at the breach", () => {
      const breach = module.escalation.find((level) => level.at === 'BREACH');
      expect(breach?.notify.map((t) => t.kind)).toContain('COMMAND_CENTRE');
    });
  });
}
