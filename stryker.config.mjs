/**
 * Mutation testing (StrykerJS + the vitest runner) for the engine and the
 * parser. On demand only, not in CI: `pnpm mutants` runs everything (slow on
 * a small machine); `pnpm mutants --mutate <glob>` runs a sample. Incremental
 * mode keeps results in reports/stryker-incremental.json, so a second run only
 * re-tests mutants whose code or covering tests changed.
 *
 * Property tests read BRIDGE_PROP_SCALE; mutation runs use a tenth of the CI
 * runs so each mutant's covering tests stay fast.
 */
process.env.BRIDGE_PROP_SCALE ??= "0.1";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  packageManager: "pnpm",
  testRunner: "vitest",
  vitest: { configFile: "vitest.config.ts", related: true },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [
    "packages/engine/src/**/*.ts",
    "packages/parser/src/**/*.ts",
    "!packages/*/src/**/*.d.ts",
    "!packages/engine/src/ast/**",
    "!packages/*/src/index.ts",
  ],
  coverageAnalysis: "perTest",
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  // Only the engine and parser suites judge mutants of engine and parser code:
  // the umbrella's CLI/docs tests need built packages and std's tests mutate nothing here.
  ignorePatterns: ["benchmarks", "docs", "examples", "coverage", "reports", "**/dist", ".turbo", "packages/bridgekit/test", "packages/std/test"],
  concurrency: 2,
  timeoutMS: 20_000,
  timeoutFactor: 2,
  thresholds: { high: 85, low: 70, break: null },
};
