// The dependency rule of DESIGN.md, enforced: the renderer sees only the
// contract, drivers see nothing of main/, services never see Electron.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

import { builtinModules } from 'node:module';

const nodeBuiltins = ['node:*', ...builtinModules.flatMap((name) => [name, `${name}/*`])];

/** Matches a relative import that climbs into main/ anywhere but main/contract. */
const intoMainButContract = '^(\\.\\./)+main/(?!contract(/|$))';

/**
 * Layers inside main/, bottom to top: contract < store, devices < sync <
 * transport < services < host < electron, cli. A folder imports only from
 * below it; main reaches the hall server only through upstream/entry, and
 * only the host (its embedded demo hall) and the CLI read hall-config/: a
 * terminal gets what the hall offers by pulling it.
 */
const upstreamSharesOnlyContract = {
  regex: '^(\\.\\./)+(main/(?!contract(/|$))|drivers|renderer|kiosk-config)',
  message: 'The hall server shares only main/contract (and lib/) with the terminal (DESIGN.md, dependency rule).',
};

const upstreamButEntry = {
  regex: '^(\\.\\./)+upstream/(?!entry(/|$))',
  message: 'The terminal reaches the hall server only through upstream/entry (docs/ARCHITECTURE.md).',
};
const above = (folder, names) => ({
  files: [`main/${folder}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths:
          folder === 'electron'
            ? []
            : [{ name: 'electron', message: 'Only main/electron may import Electron; the host runs in plain Node too.' }],
        patterns: [
          {
            regex: `^(\\.\\./)+(${names.join('|')})(/|$)`,
            message: `main/${folder} may not import ${names.join(', ')}: that would reach up a layer (docs/ARCHITECTURE.md).`,
          },
          upstreamButEntry,
        ],
      },
    ],
  },
});
const mainLayers = [
  above('store', ['services', 'sync', 'transport', 'devices', 'host', 'electron', 'cli', 'upstream', 'hall-config', 'drivers']),
  above('devices', ['services', 'sync', 'transport', 'store', 'host', 'electron', 'cli', 'upstream', 'hall-config']),
  above('sync', ['services', 'transport', 'devices', 'host', 'electron', 'cli', 'upstream', 'hall-config']),
  above('transport', ['services', 'sync', 'devices', 'store', 'host', 'electron', 'cli', 'upstream', 'hall-config']),
  above('services', ['host', 'electron', 'cli', 'upstream', 'hall-config']),
  above('host', ['electron', 'cli']),
  above('cli', ['electron']),
  above('electron', ['cli']),
];

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
            { group: ['electron/*'], message: 'The renderer reaches the host only through main/contract.' },
            { regex: intoMainButContract, message: 'The renderer may import only main/contract (DESIGN.md, dependency rule).' },
            {
              regex: '^(\\.\\./)+(drivers|kiosk-config|upstream|lib)(/|$)',
              message: 'The renderer may import only main/contract (DESIGN.md, dependency rule).',
            },
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
          patterns: [upstreamSharesOnlyContract],
        },
      ],
    },
  },
  {
    // Same rule as the block above (a later block replaces its options), and one more.
    files: ['upstream/centre/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The hall server never runs in Electron.' }],
          patterns: [
            upstreamSharesOnlyContract,
            {
              regex: '^\\.\\./(?!http/|identity/|statistics/|storage/)[^./][^/]*/',
              message:
                "The district centre knows the halls only by what they report: of upstream/ it imports the servers' shared parts (http/, identity/, statistics/, storage/), no hall capability.",
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
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(main|drivers|renderer|kiosk-config|upstream)(/|$)',
              message: 'lib/ is plain infrastructure: it imports nothing of the product.',
            },
          ],
        },
      ],
    },
  },
  {
    // A sandboxed preload is CommonJS and may only require('electron').
    files: ['main/electron/preload.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'main/contract is pure: both sides and the renderer import it.' }],
          patterns: [
            { group: nodeBuiltins, message: 'main/contract is pure: no Node modules (node-only code goes to lib/).' },
            { regex: '^\\.\\./', message: 'main/contract imports nothing outside itself (and zod).' },
          ],
        },
      ],
    },
  },
  {
    files: ['kiosk-config/**/*.ts', 'hall-config/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only main/electron may import Electron; the host runs in plain Node too.' }],
          patterns: [upstreamButEntry],
        },
      ],
    },
  },
  ...mainLayers,
);
