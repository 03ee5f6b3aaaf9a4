// Every document the build writes is valid HTML, as the W3C's Nu Html Checker reads it
// (RGAA criterion 8.2 asks it of a public body's pages).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import vnu from 'vnu-jar';
import { test, expect, FACTS } from './fixtures';

type Message = { type: string; url: string; lastLine?: number; message: string };

test('the Nu Html Checker finds no error in any document the build writes', () => {
  const files = [...new Set((FACTS.documents as [string, string][]).map(([, file]) => join('dist', file)))];
  expect(files.length).toBeGreaterThanOrEqual(4);
  // It writes its report to standard error, and exits with 1 when it found an error.
  const run = spawnSync('java', ['-jar', String(vnu), '--format', 'json', ...files], { encoding: 'utf8' });
  expect(run.error, 'java runs (Debian: default-jre-headless)').toBeUndefined();
  const messages: Message[] = JSON.parse(run.stderr).messages;
  const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
  expect(errors.map((m) => `${m.url.split('/dist/')[1]}:${m.lastLine}: ${m.message}`)).toEqual([]);
  expect(run.status).toBe(0);
});
