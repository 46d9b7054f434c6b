// The OPD domain's public face.
//
// For OPD modules: the plug-in contract below is the only part of src/ a
// module imports (its spec also uses ./testing).
export * from './opd-module.contract';

// For other core domains and the composition root: what they may ask of the
// OPD catalog. Its tables are queried only inside this domain.
export { CategoryRouter } from './application/category-router';
export type { Route, RouteResult } from './application/category-router';
export type { AttributeAnswers, GivenAnswers } from './application/attribute-answers';
export { OpdDirectory } from './application/opd-directory';
export type { ResolvedDuplicateRule } from './application/opd-directory';
export { OpdRegistry } from './application/opd-registry';
export { PublicServiceCatalog } from './application/public-service-catalog';
export type { PublicService } from './application/public-service-catalog';
