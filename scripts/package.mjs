// npm run package: a production build, then the VSIX with @vscode/vsce (offline; everything is bundled in
// dist/, so --no-dependencies). The e2e tests install this same VSIX, so what is tested is what ships.
//   node scripts/package.mjs [--out FILE]      default: <name>-<version>.vsix in the repository root
// It builds in a staging folder (.e2e/package) so the working tree's dist/ — what the other test suites and
// the debugger use — keeps its development build with source maps.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

const MAX_BYTES = 3 * 1024 * 1024;
/** What the VSIX is made of (copied; .vscodeignore then decides) and what the build reads (linked). */
const COPY = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'LICENSE.md', 'LICENSE.txt', 'NOTICE', '.vscodeignore', 'images/icon.png', 'languages', 'syntaxes'];
const LINK = ['client', 'server', 'emulator', 'schemas', 'scripts', 'node_modules', 'tsconfig.json'];

/** Builds and packages the extension; returns the VSIX path. Throws with the tools' output when it fails. */
export function packageExtension({ root = process.cwd(), out } = {}) {
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vsix = resolve(root, out ?? `${name}-${version}.vsix`);
  const stage = join(root, '.e2e', 'package');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'images'), { recursive: true });
  for (const f of COPY) if (existsSync(join(root, f))) cpSync(join(root, f), join(stage, f), { recursive: true });
  for (const f of LINK) if (existsSync(join(root, f))) symlinkSync(join(root, f), join(stage, f));
  const run = (args, what) => {
    const r = spawnSync(process.execPath, args, { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) throw new Error(`${what} failed (${r.status}):\n${r.stdout}${r.stderr}`);
  };
  run(['scripts/build.mjs', '--production'], 'the production build');
  const vsce = [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix,
    // No public repository yet: README links stay relative instead of pointing at a guessed URL.
    '--allow-missing-repository', '--no-rewrite-relative-links'];
  // No --skip-license: vsce finds LICENSE (Apache-2.0) and packs it into the VSIX.
  run(vsce, 'vsce package');
  const size = statSync(vsix).size;
  if (size > MAX_BYTES) throw new Error(`${vsix} is ${size} bytes, more than the 3 MB budget: check .vscodeignore`);
  return vsix;
}

// Run as a script (the e2e tests and npm start import packageExtension instead).
if (/[\\/]scripts[\\/]package\.mjs$/.test(process.argv[1] ?? '')) {
  const i = process.argv.indexOf('--out');
  const started = Date.now();
  try {
    const vsix = packageExtension({ out: i > 0 ? process.argv[i + 1] : undefined });
    console.log(`${vsix} (${(statSync(vsix).size / 1024).toFixed(0)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
