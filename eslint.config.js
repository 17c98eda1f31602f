// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.kizuna/', 'coverage/', 'reports/', 'dist/', 'dist-bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
      // Type-aware linting over every TypeScript file tsconfig.json includes (src, bench, scripts, tests, vitest.config.ts).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // Async implementations of promise-returning interfaces (answerers, embeddings, fakes) stay async so a throw rejects.
      '@typescript-eslint/require-await': 'off',
      // Configuration is parsed once in src/config; everywhere else receives it typed.
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through src/config (loadConfig).',
        },
      ],
    },
  },
  {
    files: ['src/config/**', 'tests/**', 'src/discord/sharded.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['tests/**'],
    // vitest's asymmetric matchers (expect.any, expect.stringMatching, …) are typed `any` by design.
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['tests/support/discord-simulator/**'],
    // The simulator reads discord.js's untyped wire JSON; String() of its snowflake fields is the intent.
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    // Plain JavaScript (this file) has no TypeScript program behind it.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
