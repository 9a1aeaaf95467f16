// The dependency rule of DESIGN.md, enforced: the renderer sees only the
// contract, drivers see nothing of main/, services never see Electron.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'child_process', 'net', 'os', 'crypto'];

/** Matches a relative import that climbs into main/ anywhere but main/contract. */
const intoMainButContract = '^(\\.\\./)+main/(?!contract(/|$))';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'artifacts/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches the host only through main/contract.' }],
          patterns: [
            { regex: intoMainButContract, message: 'The renderer may import only main/contract (DESIGN.md, dependency rule).' },
            { regex: '^(\\.\\./)+(drivers|kiosk-config|upstream)(/|$)', message: 'The renderer may import only main/contract (DESIGN.md, dependency rule).' },
            { group: nodeBuiltins, message: 'The renderer is sandboxed: no Node modules.' },
          ],
        },
      ],
      // Every text a person reads comes from the i18n layer (renderer/i18n).
      'no-restricted-syntax': [
        'error',
        { selector: 'JSXText[value=/[^\\s•]/]', message: 'No literal UI text in components: use t() from the i18n layer.' },
      ],
    },
  },
  {
    files: ['drivers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+main(/|$)', message: 'Drivers know nothing of the host (DESIGN.md, dependency rule).' },
            {
              regex: '^(\\.\\./)+(?!(serial|net|hid|cups|main)/)[\\w-]+/',
              message: "A driver reaches another device's folder only through the shared transports: serial/, net/, hid/, cups/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['upstream/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The hall server never runs in Electron.' }],
          patterns: [
            {
              regex: '^(\\.\\./)+(main/(?!contract(/|$))|drivers|renderer|kiosk-config)',
              message: 'The hall server shares only main/contract (and lib/) with the terminal (DESIGN.md, dependency rule).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+(main|drivers|renderer|kiosk-config|upstream)(/|$)', message: 'lib/ is plain infrastructure: it imports nothing of the product.' }] },
      ],
    },
  },
  {
    // A sandboxed preload is CommonJS and may only require('electron').
    files: ['main/electron/preload.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['main/**/*.ts', 'kiosk-config/**/*.ts', 'hall-config/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only main/electron may import Electron; the host runs in plain Node too.' }] },
      ],
    },
  },
);
