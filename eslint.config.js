import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["**/dist/**", "**/node_modules/**", "**/coverage/**", "**/.turbo/**", "benchmarks/results/**", "reports/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.mts"],
    rules: {
      "max-lines": ["error", { max: 800, skipBlankLines: true, skipComments: true }],
      "max-lines-per-function": ["error", { max: 120, skipBlankLines: true, skipComments: true }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-imports": "off",
    },
  },
  {
    files: ["packages/engine/src/**/*.ts", "packages/parser/src/**/*.ts", "packages/std/src/**/*.ts"],
    ignores: ["packages/std/src/**/node-*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["node:*"], message: "Library code runs in browsers and edge runtimes: no node: imports." }] }],
    },
  },
  {
    files: ["**/test/**/*.ts", "**/*.test.ts"],
    rules: { "max-lines-per-function": "off", "max-lines": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", performance: "readonly", globalThis: "readonly", Buffer: "readonly" } },
  },
);
