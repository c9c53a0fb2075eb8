// One Jest run for all three tiers: co-located unit specs, integration specs (*.int-spec.ts) and
// HTTP end-to-end specs under test/. NestJS 12 ships ESM only, so @nestjs and its ESM deps are transformed too.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/{apps,libs}/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/apps/web/'],
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit)/)'],
  moduleNameMapper: {
    '^@app/core$': '<rootDir>/libs/core/src/index.ts',
    '^@app/platform$': '<rootDir>/libs/platform/src/index.ts',
    '^@app/match-engine$': '<rootDir>/libs/match-engine/src/index.ts',
  },
  maxWorkers: 2,
  testTimeout: 30000,
};
