// The public contract for OPD modules: modules import from here (and their
// specs from ./testing), nowhere else in src/.
export * from './opd-module.contract';
