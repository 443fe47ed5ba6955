/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  setupFiles: ['<rootDir>/test/setupEnv.js'],
  // Tests that start servers, processes or browsers wait on real I/O; on a loaded 2-core machine 5 s is too tight.
  testTimeout: 30_000,
};
