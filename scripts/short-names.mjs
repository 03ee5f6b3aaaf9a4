// Release builds: the wasm's import and export names shortened, and its JS glue made to
// match, before the documents take their integrity (scripts/post-build.mjs).
//
// wasm-bindgen names each import after what it calls and a hash of 16 hexadecimal digits
// (`__wbg_appendChild_dbf7ad2f48413560`), and writes every name twice: in the wasm, and as a
// key of the glue's import object. Hashes do not compress. binaryen's
// --minify-imports-and-exports-and-modules renames the wasm's imports, their module and its
// exports (`a`, `b`, …) and prints what it renamed; the glue is rewritten with that map.
// Measured on this app: wasm 148.1 → 145.6 KB, glue 6.6 → 4.3 KB, brotli.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const identifier = (name) => name.replace(/\$/g, '\\$');
const word = (name) => new RegExp(`(?<![\\w$])${identifier(name)}(?![\\w$])`, 'g');

/**
 * The glue `glue`, its names renamed as the wasm's were: `module`, the import module's
 * `[before, after]`; `imports` and `exports`, `[before, after]` pairs. Throws, naming it,
 * on any use of a name this does not know how to rename: better a failed build than a glue
 * that no longer matches its wasm.
 */
export function renameInGlue(glue, { module: [moduleBefore, moduleAfter], imports, exports }) {
  let text = glue;
  const key = (name) => `${JSON.stringify(name)}:`;
  if (text.split(key(moduleBefore)).length !== 2) {
    throw new Error(`the glue does not name the import module ${moduleBefore} once`);
  }
  text = text.replace(key(moduleBefore), key(moduleAfter));
  // Each import is one key of the import object.
  for (const [before, after] of imports) {
    const uses = text.match(word(before))?.length ?? 0;
    if (uses !== 1) throw new Error(`the glue names the import ${before} ${uses} times, not once`);
    text = text.replace(word(before), after);
  }
  // Each export is read from the instance's exports, which the glue keeps in `wasm`.
  for (const [before, after] of exports) {
    text = text.replace(new RegExp(`(?<![\\w$.])wasm\\.${identifier(before)}(?![\\w$])`, 'g'), `wasm.${after}`);
    if (new RegExp(`[.[]["'\`]?${identifier(before)}(?![\\w$])`).test(text)) {
      throw new Error(`the glue reads the export ${before} other than as wasm.${before}`);
    }
  }
  return text;
}

/** Shortens the names of the wasm at `wasmPath` in place with binaryen, and rewrites the glue
 * at `gluePath` to match. Returns the number of names renamed. */
export function shortenNames(wasmPath, gluePath) {
  // The wasm-opt Trunk runs (Trunk.toml's [tools]), with no other pass.
  const run = spawnSync('wasm-opt', [wasmPath, '--minify-imports-and-exports-and-modules', '-o', wasmPath], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`wasm-opt failed: ${run.stderr || run.error}`);
  const map = JSON.parse(run.stdout);
  const modulesBefore = [...new Set(map.imports.map(([module]) => module))];
  const modulesAfter = [
    ...new Set(WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmPath))).map((i) => i.module)),
  ];
  if (modulesBefore.length !== 1 || modulesAfter.length !== 1) {
    throw new Error(`expected one import module, found ${modulesBefore} before and ${modulesAfter} after`);
  }
  const renames = {
    module: [modulesBefore[0], modulesAfter[0]],
    imports: map.imports.map(([, before, after]) => [before, after]),
    exports: map.exports,
  };
  writeFileSync(gluePath, renameInGlue(readFileSync(gluePath, 'utf8'), renames));
  return renames.imports.length + renames.exports.length;
}
