// npm run package: a production build, then the VSIX with @vscode/vsce (offline; everything is bundled in
// dist/, so --no-dependencies). The e2e tests install this same VSIX, so what is tested is what ships.
//   node scripts/package.mjs [--out FILE]      default: <name>-<version>.vsix in the repository root
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const MAX_BYTES = 3 * 1024 * 1024;

/** Builds and packages the extension; returns the VSIX path. Throws with vsce's output when it fails. */
export function packageExtension({ root = process.cwd(), out } = {}) {
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vsix = resolve(root, out ?? `${name}-${version}.vsix`);
  const run = (args, what) => {
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) throw new Error(`${what} failed (${r.status}):\n${r.stdout}${r.stderr}`);
  };
  run(['scripts/build.mjs', '--production'], 'the production build');
  const vsce = ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '--out', vsix,
    // No public repository yet: README links stay relative instead of pointing at a guessed URL.
    '--allow-missing-repository', '--no-rewrite-relative-links'];
  if (!['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some((f) => existsSync(join(root, f)))) vsce.push('--skip-license');
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
