// What a first visit downloads from dist/: index.html and every file it links to, with
// their raw, gzip (-9) and brotli (-q 11) sizes, read from the files the build wrote (NAME,
// NAME.gz, NAME.br: the bytes a server sends as they are). `node scripts/sizes.mjs` prints
// the table and fails when the brotli total is over the budget. A site that is not a release
// build gets its compressed copies from `compress(dir)` (scripts/site.mjs) first.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** First-visit download, brotli, in bytes: 160 KB since leptos_router and serde are in. */
export const BROTLI_BUDGET = 160 * 1024;

/** The sizes of `file` raw, gzip and brotli: its own, its .gz's and its .br's. */
export function sizesOf(file) {
  const size = (path) => {
    try {
      return statSync(path).size;
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
      throw new Error(`${path} is missing: release builds write it; elsewhere call compress(dir) (scripts/site.mjs)`);
    }
  };
  return { raw: size(file), gzip: size(`${file}.gz`), brotli: size(`${file}.br`) };
}

/** The files of a first visit, each with its sizes, and their total. */
export function firstVisit(dist = 'dist') {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // Every asset the page names by an absolute path: links, and the start-up script's
  // import and fetch.
  const linked = [...html.matchAll(/[=("'`]\/([\w.-]+\.(?:js|wasm|css|svg|ico|png|woff2))(?=["'`\s>])/g)].map((m) => m[1]);
  return download(dist, ['index.html', ...new Set(linked)]);
}

/** The files `names` of `dir`, each with its sizes, and their total. */
export function download(dir, names) {
  const files = names.map((name) => ({ name, ...sizesOf(join(dir, name)) }));
  const total = files.reduce(
    (sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip, brotli: sum.brotli + f.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { files, total };
}

export function formatTable({ files, total }) {
  const kb = (n) => (n / 1024).toFixed(1).padStart(7);
  const rows = files.map((f) => `${f.name.padEnd(44)} ${kb(f.raw)} ${kb(f.gzip)} ${kb(f.brotli)}`);
  return [
    `${'first visit (KB)'.padEnd(44)} ${'raw'.padStart(7)} ${'gzip'.padStart(7)} ${'brotli'.padStart(7)}`,
    ...rows,
    `${'total'.padEnd(44)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`,
    `budget: brotli total ≤ ${(BROTLI_BUDGET / 1024).toFixed(0)} KB: ${total.brotli <= BROTLI_BUDGET ? 'met' : 'MISSED'}`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = firstVisit(process.argv[2] ?? 'dist');
  console.log(formatTable(sizes));
  if (sizes.total.brotli > BROTLI_BUDGET) process.exit(1);
}
