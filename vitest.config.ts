import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests import the workspace packages from source, so `pnpm test` needs no build.
const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@bridgekit\/parser$/, replacement: src("parser") },
      { find: /^@bridgekit\/engine$/, replacement: src("engine") },
      { find: /^@bridgekit\/std$/, replacement: src("std") },
      { find: /^bridgekit$/, replacement: src("bridgekit") },
    ],
  },
  test: {
    // CI machines have 2 cores shared by every test file; heavy suites (parser
    // limits, property tests) need more than the default 5 s there.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: ["parser", "engine", "std", "bridgekit"].map((name) => ({
      extends: true,
      test: {
        name,
        root: fileURLToPath(new URL(`./packages/${name}`, import.meta.url)),
        include: ["test/**/*.test.ts"],
      },
    })),
    coverage: {
      provider: "v8",
      include: ["packages/*/src/**/*.ts"],
      reporter: ["text-summary", "json-summary"],
    },
  },
});
