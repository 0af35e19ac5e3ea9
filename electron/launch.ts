/**
 * `npm start`: runs the desktop app. Electron's runtime is a separate download; where it is missing
 * this fetches it once (the first start on a new machine), and where that is impossible (no network)
 * it says so in one line and serves the same app in the browser instead, so the main job still runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Library, resolveLibraryDir } from './core/index.js';
import { nodeTooOldForElectron } from './hosts/node-support.js';
import { serveInBrowser } from './hosts/serve.js';

const require = createRequire(import.meta.url);
const projectDir = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

const tooOld = nodeTooOldForElectron(process.versions.node);
const found = findElectron() ?? (tooOld ? { reason: tooOld } : fetchElectron());
const electron: Runtime = found.path ? withSqliteFor(found.path) : found;
if (electron.path) {
  const child = spawn(electron.path, [projectDir, ...args], { stdio: 'inherit', env: { ...process.env, ...electron.env } });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
} else {
  console.log(`Electron runtime not available (${electron.reason}); serving Clipdesk in your browser instead.`);
  const at = args.indexOf('--library');
  const library = await Library.open(resolveLibraryDir(at >= 0 ? args[at + 1] : undefined), { rebuildInBackground: true });
  const { web } = await serveInBrowser(library);
  console.log(`Clipdesk is running at ${web.url}  (library: ${library.dir}; stop with Ctrl+C)`);
}

/** The Electron binary to run, with the environment it needs, or why there is none. */
interface Runtime {
  path?: string;
  reason?: string;
  env?: Record<string, string>;
}

/**
 * The catalog's SQLite driver is a native module built for this Node; Electron needs a build for its
 * own ABI. Packaged apps get one from electron-builder; here, prebuild-install fetches the matching
 * prebuilt binary once into node_modules/.cache, and the core is told to load that one
 * (CLIPDESK_SQLITE_BINDING), so `npm test` keeps using the Node build.
 */
function withSqliteFor(electronPath: string): Runtime {
  const version = (require('electron/package.json') as { version: string }).version;
  const cache = join(projectDir, 'node_modules', '.cache', 'clipdesk', `better-sqlite3-electron-${version}`);
  const binding = join(cache, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(binding)) {
    mkdirSync(cache, { recursive: true });
    copyFileSync(require.resolve('better-sqlite3/package.json'), join(cache, 'package.json'));
    const prebuild = require.resolve('prebuild-install/bin.js');
    spawnSync(process.execPath, [prebuild, '--runtime', 'electron', '--target', version], {
      cwd: cache, timeout: 120_000, stdio: 'ignore',
    });
  }
  if (!existsSync(binding)) return { reason: `no SQLite build for Electron ${version} could be fetched` };
  return { path: electronPath, reason: '', env: { CLIPDESK_SQLITE_BINDING: binding } };
}

/** ELECTRON_PATH wins; else the binary the electron package installed, if it did. */
function findElectron(): { path: string; reason?: never } | null {
  const candidate = process.env.ELECTRON_PATH ?? electronPackagePath();
  return candidate && existsSync(candidate) ? { path: candidate } : null;
}

/** The binary the electron package downloaded, read from its path.txt without triggering a download. */
function electronPackagePath(): string | null {
  try {
    const packageDir = dirname(require.resolve('electron/package.json'));
    return join(packageDir, 'dist', readFileSync(join(packageDir, 'path.txt'), 'utf8').trim());
  } catch {
    return null; // not installed, or its runtime was never downloaded
  }
}

/** Runs the electron package's own installer (it downloads the runtime), then looks again. */
function fetchElectron(): { path?: string; reason: string } {
  let installer: string;
  try {
    installer = require.resolve('electron/install.js');
  } catch {
    return { reason: 'the electron package is not installed; run npm install' };
  }
  const run = spawnSync(process.execPath, [installer], {
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  const found = findElectron();
  if (found) return { path: found.path, reason: '' };
  const why = `${run.stderr ?? ''}${run.error?.message ?? ''}`.split('\n').find((line) => /error/i.test(line)) ?? 'download failed';
  return { reason: `its download failed: ${why.trim().slice(0, 160)}` };
}
