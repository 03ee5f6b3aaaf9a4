// The wasm's names shortened in release builds (scripts/short-names.mjs): the glue's rewrite
// on small glues, then the release build itself, whose glue must still start its wasm.
//
//   node --test scripts/short-names.test.mjs   (after `make build`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renameInGlue } from './short-names.mjs';

// The shape of wasm-bindgen's minified glue, cut down.
const GLUE =
  'let wasm;export function start(){wasm.start();}' +
  'function __wbg_get_imports(){return{__proto__:null,"./app_bg.js":{__proto__:null,' +
  '__wbg_log_ff86bbb34c295e21:function(e){console.log(e)},' +
  '__wbg_new_cd4348290afae586:function(){return new Object}}}}' +
  'function __wbg_finalize_init(e){return wasm=e.exports,wasm.__wbindgen_start(),wasm}' +
  'export{__wbg_init as default}';
const RENAMES = {
  module: ['./app_bg.js', 'a'],
  imports: [
    ['__wbg_log_ff86bbb34c295e21', 'a'],
    ['__wbg_new_cd4348290afae586', 'b'],
  ],
  exports: [
    ['start', 'c'],
    ['__wbindgen_start', 'd'],
    ['memory', 'e'],
  ],
};

test('the glue gets the new module, import and export names, and keeps its own', () => {
  const glue = renameInGlue(GLUE, RENAMES);
  assert.match(glue, /"a":\{__proto__:null,a:function\(e\)\{console\.log\(e\)\},b:function\(\)/);
  assert.match(glue, /export function start\(\)\{wasm\.c\(\);\}/);
  assert.match(glue, /wasm\.d\(\)/);
  assert.doesNotMatch(glue, /__wbg_log|__wbg_new|app_bg|wasm\.start|__wbindgen_start/);
});

test('an import the glue does not name once fails the rewrite', () => {
  const missing = GLUE.replace('__wbg_new_cd4348290afae586', '__wbg_new_0000000000000000');
  assert.throws(() => renameInGlue(missing, RENAMES), /__wbg_new_cd4348290afae586 0 times/);
  const twice = GLUE.replace('return new Object', 'return __wbg_log_ff86bbb34c295e21');
  assert.throws(() => renameInGlue(twice, RENAMES), /__wbg_log_ff86bbb34c295e21 2 times/);
  assert.throws(() => renameInGlue(GLUE.replace('"./app_bg.js"', '"./other.js"'), RENAMES), /module \.\/app_bg\.js/);
});

test('an export read other than from `wasm` fails the rewrite', () => {
  for (const read of ['e.exports.__wbindgen_start()', 'wasm["__wbindgen_start"]()']) {
    const glue = GLUE.replace('wasm.__wbindgen_start()', read);
    assert.throws(() => renameInGlue(glue, RENAMES), /export __wbindgen_start other than as wasm/);
  }
});

test('the release build: short names, and its glue still instantiates its wasm and exports the start', async () => {
  const files = readdirSync('dist');
  const [js] = files.filter((name) => /^raison-etre-\w+\.js$/.test(name));
  const [wasm] = files.filter((name) => /^raison-etre-\w+_bg\.wasm$/.test(name));
  const bytes = readFileSync(join('dist', wasm));
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(bytes));
  assert.ok(imports.length > 100, `${imports.length} imports`);
  assert.deepEqual(
    imports.filter((i) => i.module.length > 2 || i.name.length > 3),
    [],
    'every import module and name is short',
  );
  const glue = await import(pathToFileURL(join('dist', js)));
  // With the glue's own import object: instantiation fails on any import it does not give.
  const instance = glue.initSync({ module: bytes });
  assert.ok(!('memory' in instance) && Object.keys(instance).length > 10, 'the exports are renamed');
  assert.equal(typeof glue.start, 'function');
});
