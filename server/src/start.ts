// dist/server.js: starts the language server bundle (dist/server-main.js) from V8's code cache. Compiling the
// 1 MB bundle, and then each function on its first call, is a large part of the time from start to the first
// diagnostics; the cache keeps the bytecode of what the last start compiled. Node 22+ does this itself
// (module.enableCompileCache); on Node 20 a vm.Script with cachedData does the same. The cache lives next to the
// bundle (the extension's own folder, written by its user only: a cache is code); when that folder is read-only,
// the server simply starts without one. V8 rejects a cache made by another version or with other flags.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

const bundle = join(__dirname, 'server-main.js');
const nodeCache = (Module as unknown as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;

if (nodeCache) {
  try {
    nodeCache(join(__dirname, '.cache'));
  } catch {
    // no cache: a slower start, nothing else
  }
  require(bundle);
} else {
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
}
