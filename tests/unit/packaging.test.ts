/**
 * Desktop packaging, checked without network: the icons, electron-builder.yml against electron-builder's
 * own schema and validation code, and what goes into app.asar, packed by electron-builder itself from a
 * small project laid out like ours (the real one needs `npm run build` first: `npm run pack:app`).
 */
import assert from 'node:assert/strict';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import asar from '@electron/asar';
// app-builder-lib is electron-builder's engine (pinned by it to the same version): these are the very
// functions `electron-builder` runs to read and check its configuration.
import { findAndReadConfig } from 'app-builder-lib/out/util/config/load.js';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { ICON_SOURCE, PROJECT_DIR, iconFiles, renderIcon } from '../../build/scripts/make-icons.js';
import { listAsar, packApp, packProblems } from '../../build/scripts/pack-app.js';
import { tempDir } from '../helpers/temp-library.js';

async function loadConfig(): Promise<Configuration> {
  const found = await findAndReadConfig<Configuration>({
    packageKey: 'build', configFilename: 'electron-builder', projectDir: PROJECT_DIR, packageMetadata: null,
  });
  assert.ok(found, 'electron-builder.yml is missing');
  return found.result;
}

/** The same call electron-builder makes before it packages anything. */
async function validate(config: Configuration): Promise<void> {
  await validateConfiguration(config, new DebugLogger(false));
}

function pngSize(png: Buffer): { width: number; height: number } {
  assert.ok(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'not a PNG');
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('app icons', () => {
  test('build/icon.png is 1024 px and the Linux set has every hicolor size, all square PNGs', async () => {
    for (const { file, size } of iconFiles()) {
      assert.deepEqual(pngSize(await readFile(join(PROJECT_DIR, file))), { width: size, height: size }, file);
    }
  });

  test('every icon is a fresh render of assets/icon.svg (run `npm run icons` after changing it)', async () => {
    const svg = await readFile(ICON_SOURCE);
    for (const { file, size } of iconFiles()) {
      assert.ok(renderIcon(svg, size).equals(await readFile(join(PROJECT_DIR, file))), `${file} is stale`);
    }
  });
});

describe('electron-builder.yml', () => {
  test('passes the schema and checks electron-builder runs before packaging', async () => {
    await validate(await loadConfig());
  });

  test('the validation is real: a misspelt option is refused', async () => {
    const config = await loadConfig();
    await assert.rejects(validate({ ...config, productname: 'Clipdesk' } as Configuration), /unknown property 'productname'/);
  });

  test('names the app, packs an asar from dist/ and registers clipdesk:// links', async () => {
    const config = await loadConfig();
    assert.equal(config.appId, 'app.clipdesk.desktop');
    assert.equal(config.productName, 'Clipdesk');
    assert.deepEqual(config.directories, { output: 'release', buildResources: 'build' });
    assert.equal(config.asar, true);
    assert.equal(config.asarUnpack, undefined);
    assert.deepEqual(config.protocols, [{ name: 'Clipdesk link', schemes: ['clipdesk'], role: 'Viewer' }]);
  });

  test('Linux: AppImage and deb in Office;News, offered for web pages without redefining their MIME type', async () => {
    const { linux } = await loadConfig();
    assert.deepEqual(linux?.target, ['AppImage', 'deb']);
    assert.equal(linux?.category, 'Office;News');
    assert.match(String(linux?.maintainer), /^.+ <.+@.+>$/, 'deb needs a maintainer with an e-mail address');
    assert.deepEqual(linux?.mimeTypes, ['text/html', 'application/xhtml+xml']);
    assert.equal(linux?.fileAssociations, undefined, 'a Linux fileAssociation with a mimeType installs a shared-mime-info override');
  });

  test('macOS: a dmg, hardened runtime with JIT as the only entitlement, "Open With" for web pages only', async () => {
    const { mac } = await loadConfig();
    assert.equal(mac?.category, 'public.app-category.news');
    assert.equal(mac?.hardenedRuntime, true);
    const entitlements = await readFile(join(PROJECT_DIR, String(mac?.entitlements)), 'utf8');
    assert.deepEqual([...entitlements.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1]), ['com.apple.security.cs.allow-jit']);
    assert.deepEqual(mac?.fileAssociations, [
      { ext: ['html', 'htm', 'xhtml'], name: 'Web page', description: 'Web page to clip', role: 'Viewer', rank: 'Alternate' },
    ]);
  });

  test('Windows: an assisted per-user NSIS installer that claims no file type and keeps the library on uninstall', async () => {
    const config = await loadConfig();
    assert.equal(config.fileAssociations, undefined, "NSIS would make Clipdesk the .html handler");
    assert.equal(config.win?.fileAssociations, undefined);
    assert.deepEqual(config.win?.target, ['nsis']);
    assert.equal(config.nsis?.oneClick, false);
    assert.equal(config.nsis?.perMachine, false);
    assert.equal(config.nsis?.allowToChangeInstallationDirectory, true);
    assert.equal(config.nsis?.deleteAppDataOnUninstall, false);
  });
});

describe('app.asar', () => {
  /**
   * A project laid out like ours after `npm run build`, with one production and one dev dependency.
   * Empty texts get a comment: electron-builder refuses an empty main file.
   */
  const PROJECT: Record<string, string> = {
    'package.json': JSON.stringify({
      name: 'clipdesk', version: '0.1.0', description: 'test', type: 'module', main: 'dist/electron/main.js',
      scripts: { build: 'tsc' }, dependencies: { dep: '1.0.0' }, devDependencies: { devdep: '1.0.0' },
    }),
    'dist/electron/main.js': '', 'dist/electron/main.js.map': '', 'dist/electron/preload.cjs': '',
    'dist/electron/preload.js': '', 'dist/electron/launch.js': '', 'dist/electron/core/library.js': '',
    'dist/electron/core/catalog/rebuild-worker.js': '', 'dist/electron/core/clip/extraction-worker.js': '',
    'dist/renderer/index.html': '', 'dist/renderer/main.js': '', 'dist/renderer/main.js.map': '', 'dist/renderer/app.css': '',
    'dist/renderer/controllers/library-resources.js': '',
    'dist/tests/unit/store.test.js': '', 'dist/playwright.config.js': '',
    'electron/main.ts': '', 'tests/unit/store.test.ts': '', 'README.md': '', 'build/icon.png': '',
    'node_modules/dep/package.json': JSON.stringify({ name: 'dep', version: '1.0.0', main: 'index.js' }),
    'node_modules/dep/index.js': '', 'node_modules/dep/index.d.ts': '', 'node_modules/dep/src/index.ts': '',
    'node_modules/dep/index.js.map': '', 'node_modules/dep/README.md': '', 'node_modules/dep/test/dep.test.js': '',
    'node_modules/devdep/package.json': JSON.stringify({ name: 'devdep', version: '1.0.0' }),
    'node_modules/devdep/index.js': '',
  };

  test('holds the built app and production dependencies, and no tests, sources, maps or dev tools', { timeout: 60_000 }, async (t) => {
    const dir = await tempDir(t, 'clipdesk-packaging-');
    for (const [file, text] of Object.entries(PROJECT)) {
      await mkdir(dirname(join(dir, 'app', file)), { recursive: true });
      await writeFile(join(dir, 'app', file), text || `/* ${file} */`);
    }
    await cp(join(PROJECT_DIR, 'electron-builder.yml'), join(dir, 'app', 'electron-builder.yml'));
    const packed = join(dir, 'app.asar');
    await packApp(join(dir, 'app'), packed, { electronVersion: '45.5.0' });

    const { files } = listAsar(packed);
    assert.deepEqual(files.sort(), [
      'dist/electron/core/catalog/rebuild-worker.js', 'dist/electron/core/clip/extraction-worker.js',
      'dist/electron/core/library.js', 'dist/electron/main.js', 'dist/electron/preload.cjs',
      'dist/renderer/app.css', 'dist/renderer/index.html', 'dist/renderer/main.js',
      'node_modules/dep/index.js', 'node_modules/dep/package.json',
      'package.json',
    ]);
    assert.deepEqual(packProblems(files), []);
    const manifest = JSON.parse(asar.extractFile(packed, 'package.json').toString('utf8')) as Record<string, unknown>;
    assert.equal(manifest.productName, 'Clipdesk');
    assert.equal(manifest.desktopName, 'clipdesk.desktop');
    assert.equal(manifest.devDependencies, undefined);
    assert.equal(manifest.scripts, undefined);
  });

  test('a pack check names what is missing and what does not belong', () => {
    const problems = packProblems([
      'package.json', 'dist/electron/main.js', 'dist/tests/unit/a.test.js', 'electron/main.ts', 'node_modules/zod/src/index.ts',
    ]);
    assert.deepEqual(problems, [
      'missing: dist/electron/preload.cjs',
      'missing: dist/renderer/index.html',
      'missing: dist/electron/core/catalog/rebuild-worker.js',
      'missing: dist/electron/core/clip/extraction-worker.js',
      'should not be packed: dist/tests/unit/a.test.js',
      'should not be packed: electron/main.ts',
    ]);
  });
});
