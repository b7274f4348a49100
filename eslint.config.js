import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.convrec/**', 'scratch/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/cli/**', 'bench/**', 'examples/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Where arrays grow with the catalog, the index or a user's history (issue 12).
    files: [
      'src/catalog/**',
      'src/collaborative/**',
      'src/embeddings/**',
      'src/index-store/**',
      'src/lexical/**',
      'src/ranking/**',
      'src/retrieval/**',
      'src/titles/**',
      'tools/**',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
          message:
            'Spread arguments overflow the stack from about 130k elements (RangeError): use a loop or reduce.',
        },
      ],
    },
  },
);
