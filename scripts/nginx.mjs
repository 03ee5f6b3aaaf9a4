// Serves a built site with Debian's nginx as deploy/nginx.conf says (the site writer makes
// both, src/site/nginx.rs; only `listen`, `root` and the receipts' files differ), on
// 127.0.0.1 and as whoever runs it: its config, pid, log and temporary files in a directory
// of its own, in the foreground (`daemon off`) and in one process (`master_process off`), so
// that stopping that process stops nginx. For the end-to-end tests and the benchmark.
//
//   node scripts/nginx.mjs DIR PORT [STATE_DIR]
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nginxConf } from './site.mjs';

const NGINX = '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** Starts nginx serving `dir` on 127.0.0.1:`port`; returns its process. `options`: `tls`
 * ({ port, certificate, key }: HTTPS there, and `port` only redirects to it) and
 * `trustedProxies`, as src/site/nginx.rs takes them. */
export function startNginx(dir, port, stateDir = join('test-output', `nginx-${port}`), options = {}) {
  const state = resolve(stateDir);
  mkdirSync(state, { recursive: true });
  const conf = join(state, 'nginx.conf');
  // An nginx stopped by a signal leaves its Unix socket behind, which the next cannot bind.
  const receiptSocket = join(state, 'receipts.sock');
  rmSync(receiptSocket, { force: true });
  writeFileSync(
    conf,
    [
      `load_module ${BROTLI_MODULE};`,
      'daemon off;',
      'master_process off;',
      `pid ${state}/nginx.pid;`,
      `error_log ${state}/error.log warn;`,
      'events {}',
      'http {',
      '    include /etc/nginx/mime.types;',
      '    access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${state}/${t};`),
      nginxConf({
        listen: [`127.0.0.1:${port}`],
        root: resolve(dir),
        receiptLog: join(state, 'consent-receipts.log'),
        receiptSocket,
        tls: options.tls && { ...options.tls, listen: [`127.0.0.1:${options.tls.port}`] },
        trustedProxies: options.trustedProxies,
      }),
      '}',
      '',
    ].join('\n'),
  );
  return spawn(NGINX, ['-p', `${state}/`, '-c', conf, '-e', join(state, 'error.log')], { stdio: 'inherit' });
}

/** Waits until `origin` answers, whatever its status (a redirect is not followed), for 10 s
 * at most. */
export async function answering(origin) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(origin, { redirect: 'manual' })).status > 0) return origin;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${origin} did not answer`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '4173', stateDir] = process.argv.slice(2);
  const nginx = startNginx(dir, Number(port), stateDir);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => nginx.kill(signal));
  nginx.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  console.log(`nginx: serving ${dir} on http://127.0.0.1:${port}`);
}
