// The house rules for imports, checked by `npm run lint` (dependency-cruiser).
// Paths are relative to the repository root. A rule's name is what a violation
// prints; its comment says what to do about it.

const SPEC = '\\.spec\\.ts$';
const NPM = '(^|/)node_modules/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-not-to-modules',
      comment:
        'Nothing in src/ imports an OPD module. config/opd-modules.ts is the one place that lists them; ' +
        'the core reaches them through the OpdModuleDefinition list it is given.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^modules/' },
    },
    {
      name: 'module-only-opd-public-api',
      comment:
        "An OPD module imports its own folder, npm packages and src/core/opd's public index only. " +
        'Its *.spec.ts files may also import the contract test kit, src/core/opd/testing/index.ts.',
      severity: 'error',
      from: { path: '^modules/([^/]+)/', pathNot: SPEC },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: ['^modules/$1/', '^src/core/opd/index\\.ts$', NPM],
      },
    },
    {
      name: 'module-spec-only-opd-public-api-and-kit',
      comment:
        "An OPD module's spec imports its own folder, npm packages, src/core/opd/index.ts, " +
        'src/core/opd/testing/index.ts and the enabled-module list config/opd-modules.ts (to check the module ' +
        'alongside the others as they are enabled), never another module directly.',
      severity: 'error',
      from: { path: `^modules/([^/]+)/.+${SPEC}` },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: ['^modules/$1/', '^src/core/opd/index\\.ts$', '^src/core/opd/testing/index\\.ts$', '^config/opd-modules\\.ts$', NPM],
      },
    },
    {
      name: 'infra-not-to-domain',
      comment: 'src/infra/ is technology (database, GraphQL, security, logging) and knows no domain: move the ' +
        'domain-specific part into the domain, or the wiring into src/bootstrap/.',
      severity: 'error',
      from: { path: '^src/infra/' },
      to: { path: '^src/core/' },
    },
    {
      name: 'domain-through-public-index',
      comment:
        "A domain (src/core/<d>/) imports another domain only through that domain's src/core/<other>/index.ts; " +
        'the kernels actor and shared too. Import from the index (export the name there), or move the code.',
      severity: 'error',
      from: { path: '^src/core/([^/]+)/' },
      to: {
        path: '^src/core/[^/]+/',
        pathNot: ['^src/core/$1/', '^src/core/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'production-not-to-test-code',
      comment:
        'Runtime code does not import test/ or bench/. Specs beside the code (src/**/*.spec.ts) may import ' +
        'test/support/ only.',
      severity: 'error',
      from: { path: '^(src|modules)/' },
      to: { path: '^(test|bench)/', pathNot: '^test/support/' },
    },
    {
      name: 'production-not-to-test-support',
      comment: 'Only specs may import test/support/.',
      severity: 'error',
      from: { path: '^(src|modules)/', pathNot: SPEC },
      to: { path: '^test/support/' },
    },
    {
      name: 'no-circular',
      comment:
        'Import cycles, type-only imports included (tsPreCompilationDeps): break the cycle by moving the shared ' +
        'part into a third file, or by depending on an interface.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-dist',
      comment: 'dist/ is build output: import the source.',
      severity: 'error',
      from: {},
      to: { path: '^dist/' },
    },
    {
      name: 'not-to-dev-dep',
      comment:
        'Runtime code does not import devDependencies (they are not installed in the image): move the package to ' +
        'dependencies, or the code into a spec or test/. Specs, src/core/opd/testing/ and config/test.config.ts ' +
        'are test code. Type-only imports vanish at build and are allowed.',
      severity: 'error',
      from: {
        path: '^(src|modules|config)/',
        pathNot: [SPEC, '^src/core/opd/testing/', '^config/test\\.config\\.ts$'],
      },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unlisted-package',
      comment: 'Imports a package that package.json does not list (it only arrives as a dependency of another): add it.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to no file or package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Packages and build output show up as dependencies (so the rules see them) but are not cruised.
    doNotFollow: { path: [NPM, '^dist/'] },
    exclude: { path: '^(coverage|\\.data)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count as dependencies: a cycle through `import type` is still a cycle.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
