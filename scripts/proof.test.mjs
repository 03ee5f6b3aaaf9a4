// The archive `make proof` writes (scripts/proof.mjs), checked against itself and the build:
// its manifest names every file it holds with the right SHA-256, the policy it holds is the
// one the build published, each capture is a picture of the width it says, the settings were
// captured whole, and nothing is left beside the archive.
//
//   node --test scripts/proof.test.mjs   (after `node scripts/proof.mjs test-output/proof`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FACTS } from './site.mjs';

const OUT = process.env.PROOF_DIR ?? 'test-output/proof';
const published = JSON.parse(readFileSync(join('dist', FACTS.publishedPolicy), 'utf8'));
const name = `policy-${published.version}`;

/** The archive, unpacked afresh: what an auditor would get. */
function unpacked() {
  const dir = mkdtempSync(join(tmpdir(), 'proof-'));
  const tar = spawnSync('tar', ['-xzf', join(OUT, `${name}.tar.gz`), '-C', dir]);
  assert.equal(tar.status, 0, 'the archive of the version in force exists and unpacks');
  return join(dir, name);
}

/** A PNG's width, from its IHDR chunk. */
const pngWidth = (bytes) => bytes.readUInt32BE(16);

test('the manifest names every file of the archive, with its SHA-256 and size', () => {
  const dir = unpacked();
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const listed = manifest.files.map((f) => f.file);
  assert.deepEqual([...listed, 'manifest.json'].sort(), readdirSync(dir).sort());
  for (const { file, bytes, sha256 } of manifest.files) {
    const content = readFileSync(join(dir, file));
    assert.equal(content.length, bytes, file);
    assert.equal(createHash('sha256').update(content).digest('hex'), sha256, file);
  }
  assert.match(manifest.commit, /^[0-9a-f]{40}/);
  assert.ok(!Number.isNaN(Date.parse(manifest.madeAt)), manifest.madeAt);
});

test('it holds the policy the build published, under that version', () => {
  const dir = unpacked();
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  assert.equal(manifest.version, published.version);
  assert.equal(manifest.inForceFrom, published.inForceFrom);
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'policy.json'), 'utf8')), published);
});

test('the settings were captured whole at both widths: every service and the buttons', () => {
  const dir = unpacked();
  const labels = [...published.services.map((service) => service.name), 'Tout accepter', 'Tout refuser', 'Enregistrer'];
  for (const width of [375, 1280]) {
    const shown = readFileSync(join(dir, `settings-${width}.txt`), 'utf8');
    for (const label of labels) assert.ok(shown.includes(label), `${label} in the settings at ${width} px`);
  }
});

test('nothing is left beside the archives', () => {
  assert.deepEqual(
    readdirSync(OUT).filter((file) => !file.endsWith('.tar.gz')),
    [],
  );
});

test('it holds the banner, the settings and the cookie page, at 375 and 1280 px', () => {
  const dir = unpacked();
  for (const shot of ['banner', 'settings', 'cookie-page']) {
    for (const width of [375, 1280]) {
      const png = readFileSync(join(dir, `${shot}-${width}.png`));
      assert.equal(png.subarray(1, 4).toString(), 'PNG', `${shot}-${width}`);
      assert.equal(pngWidth(png), width, `${shot}-${width}`);
    }
  }
});
