import { test, expect } from '@playwright/test';
import { BROTLI_BUDGET, firstVisit } from '../scripts/sizes.mjs';

test('a first visit downloads at most 160 KB, brotli', () => {
  const { files, total } = firstVisit('dist');
  const kinds = files.map((f: { name: string }) => f.name.split('.').pop()).sort();
  expect(kinds, 'the page (its styles inline), script and wasm').toEqual(['html', 'js', 'wasm']);
  expect(total.brotli).toBeLessThanOrEqual(BROTLI_BUDGET);
});
