// Test helpers for OPD modules' own specs; never imported by runtime code.
export { describeOpdContract } from './opd-contract.kit';
export type { OpdContractOptions } from './opd-contract.kit';
export { competingWords, competitionWarning } from './competing-words.check';
export type { CompetingWord } from './competing-words.check';
// A module's spec checks that realistic phrases rank its categories first.
export { suggestCategories } from '../category-suggestions';
