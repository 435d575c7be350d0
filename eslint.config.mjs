// ESLint flat config: Next.js's own rules (core web vitals + TypeScript) plus the project's additions.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    name: "slipway/typescript",
    files: ["**/*.{ts,tsx,mts,cts}"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "error",
      // `const { dropped: _, ...rest } = value` is how a key is left out.
      "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }],
    },
  },
  globalIgnores([
    // node_modules/ and .git/ are always ignored.
    ".next/**",
    ".tools/**",
    ".data/**",
    "lib/generated/**",
    "public/workers/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
]);
