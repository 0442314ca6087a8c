// dist/server.js: starts the language server bundle (dist/server-main.js) from V8's code cache. Compiling the
// bundle, and then each function on its first call, is a large part of the time from start to the first
// diagnostics; the cache keeps the bytecode of every function the last start compiled. A vm.Script with cachedData,
// written at exit, holds them all; Node's own compile cache (module.enableCompileCache, Node 22+) keeps only what
// is compiled before the bundle runs, so it serves here just the parts the bundle loads later (dist/lib/). The
// caches live next to the bundle (the extension's own folder, written by its user only: a cache is code); when that
// folder is read-only, the server simply starts without one. V8 rejects a cache made by another version or with
// other flags.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

const bundle = join(__dirname, 'server-main.js');
try {
  (Module as unknown as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache?.(join(__dirname, '.cache'));
} catch {
  // no cache for the lazily loaded parts: a slower first YAML document, nothing else
}

const source = readFileSync(bundle, 'utf8');
const { size, mtimeMs } = statSync(bundle);
const cacheFile = join(__dirname, `.server-main-${process.version}-${process.arch}-${size}-${Math.floor(mtimeMs)}.cache`);
let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // first start of this bundle
}
const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
if (!cachedData || script.cachedDataRejected) {
  // Written at exit, so the cache holds every function this run compiled (start, parse, validation).
  process.once('exit', () => {
    try {
      const tmp = `${cacheFile}.${process.pid}`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {
      // a read-only folder: no cache
    }
  });
}
const mod = { exports: {} };
script.runInThisContext()(mod.exports, require, mod, bundle, dirname(bundle));
