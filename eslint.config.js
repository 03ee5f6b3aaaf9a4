// ESLint for the script that runs in the page before the app: src/startup.js, a classic
// script (it is inlined, and runs before the body is parsed).
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    files: ['src/**/*.js'],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2022, sourceType: 'script', globals: globals.browser },
  },
];
