import { readdirSync } from "node:fs";
import js from "@eslint/js";
import { importX } from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Every folder of src/features is a feature: a new one is covered by the rule below without editing this file.
const features = readdirSync(new URL("./src/features", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default tseslint.config(
  { ignores: ["dist", "node_modules", "test-results", "playwright-report", "src/api/schema.d.ts"] },
  {
    files: ["**/*.{ts,tsx}"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended, importX.flatConfigs.recommended, importX.flatConfigs.typescript],
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.browser, ...globals.node },
    },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import-x/no-cycle": "error",
      "import-x/no-named-as-default-member": "off",
      // bulletproof-react: features never import each other; shared code flows api/lib/components → features → app.
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            ...features.map((name) => ({
              target: `./src/features/${name}`,
              from: "./src/features",
              except: [`./${name}`],
              message: "A feature must not import another feature: compose them in src/app.",
            })),
            {
              target: ["./src/features", "./src/components", "./src/lib", "./src/api"],
              from: "./src/app",
              message: "Only src/app may import from src/app.",
            },
            {
              target: ["./src/components", "./src/lib", "./src/api"],
              from: "./src/features",
              message: "Shared code must not depend on a feature.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["e2e/**/*.ts", "playwright.config.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
);
