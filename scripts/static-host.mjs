// Serves a built site the way static hosts (GitHub Pages, Netlify, Cloudflare Pages) do:
// each file at its path, `/a/b` from `a/b.html`, `/` from `index.html`, and any other path
// answered with `404.html` and the status 404. Listens on 127.0.0.1 only.
//
//   node scripts/static-host.mjs DIR PORT
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

const [dir = 'dist', port = '4173'] = process.argv.slice(2);
const files = sirv(dir, { extensions: ['html'] });

createServer((req, res) =>
  files(req, res, () => {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(readFileSync(join(dir, '404.html')));
  }),
).listen(Number(port), '127.0.0.1', () => console.log(`serving ${dir} on http://127.0.0.1:${port}`));
