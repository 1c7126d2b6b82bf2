/** Jest: unit, integration and e2e suites under tests/; TypeScript through ts-jest (types are checked by tsc). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
  // tests/cloud/ holds what only the cloud path can show; `npm test` runs it in its cloud-mode pass.
  testPathIgnorePatterns: process.env.WG_TEST_BACKEND === 'cloud' ? ['/node_modules/'] : ['/node_modules/', '/tests/cloud/'],
};
