import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appResponse } from '../../electron/shell/app-protocol.js';
import { PictureStore } from '../../electron/core/pictures/picture-store.js';
import { HTML_EXTENSIONS, MARKDOWN_EXTENSIONS, TEXT_EXTENSIONS } from '../../electron/shared/clippable-files.js';
import { launchRequests } from '../../electron/shell/launch-args.js';
import { DEFAULT_STATE, loadWindowState, saveWindowState } from '../../electron/shell/window-state.js';
import { tempDir, tempLibrary } from '../helpers/temp-library.js';

describe('launch arguments', () => {
  it('turns deep links, web addresses and clippable files into clip requests', () => {
    const requests = launchRequests([
      '--no-sandbox', 'clipdesk://clip?url=https%3A%2F%2Fnews.example%2Fa%3Fx%3D1', 'https://news.example/b', 'saved/page.html', '/tmp/notes.md',
    ], '/home/ana');
    assert.deepEqual(requests, [
      { kind: 'url', url: 'https://news.example/a?x=1' },
      { kind: 'url', url: 'https://news.example/b' },
      { kind: 'file', path: '/home/ana/saved/page.html' },
      { kind: 'file', path: '/tmp/notes.md' },
    ]);
  });

  it('ignores deep links that are not a clip of a web page', () => {
    assert.deepEqual(launchRequests(['clipdesk://clip?url=file%3A%2F%2F%2Fetc%2Fpasswd', 'clipdesk://delete?id=1', 'clipdesk://clip', 'program.exe', '.'], '/'), []);
  });

  it('takes every file the core clips (the same list the drop zone uses), whatever the case of its extension', () => {
    const names = [...HTML_EXTENSIONS, ...MARKDOWN_EXTENSIONS, ...TEXT_EXTENSIONS].map((extension) => `/in/page${extension.toUpperCase()}`);
    assert.deepEqual(launchRequests(names, '/').map((request) => request.kind === 'file' && request.path), names);
    assert.deepEqual(launchRequests(['/in.dir/notes', '/in/page.pdf'], '/'), []);
  });
});

describe('window state', () => {
  it('comes back as saved, and without a position that is on no screen', async (t) => {
    const path = join(await tempDir(t, 'clipdesk-state-'), 'window-state.json');
    const screens = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    assert.deepEqual(await loadWindowState(path, screens), DEFAULT_STATE);
    await saveWindowState(path, { x: 100, y: 80, width: 1000, height: 700, maximized: true });
    assert.deepEqual(await loadWindowState(path, screens), { x: 100, y: 80, width: 1000, height: 700, maximized: true });
    await saveWindowState(path, { x: 3000, y: 80, width: 1000, height: 700, maximized: false });
    assert.deepEqual(await loadWindowState(path, screens), { x: undefined, y: undefined, width: 1000, height: 700, maximized: false });
    await writeFile(path, '{"width": "wide"}');
    assert.deepEqual(await loadWindowState(path, screens), DEFAULT_STATE);
  });
});

describe('the app:// protocol', () => {
  it('serves bundle files with the CSP and nothing outside the bundle', async (t) => {
    const dir = await tempDir(t, 'clipdesk-bundle-');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Clipdesk</title>');
    const noPictures = { picture: async () => null };
    const rendererResponse = (directory: string, url: string) => appResponse(directory, noPictures, url);
    const page = await rendererResponse(dir, 'app://clipdesk/index.html');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal((await rendererResponse(dir, 'app://clipdesk/..%2f..%2fetc%2fpasswd')).status, 404);
    assert.equal((await rendererResponse(dir, 'app://clipdesk/missing.js')).status, 404);
  });

  it('serves the library\'s pictures by name, sandboxed, and nothing else under /pictures/', async (t) => {
    const { dir, library } = await tempLibrary(t);
    const bundle = await tempDir(t, 'clipdesk-bundle-');
    const name = await new PictureStore(dir).put(SVG_WITH_SCRIPT, 'svg');
    const picture = await appResponse(bundle, library.pictures, `app://clipdesk/pictures/${name}`);
    assert.equal(picture.status, 200);
    assert.equal(picture.headers.get('content-type'), 'image/svg+xml');
    assert.match(picture.headers.get('content-security-policy') ?? '', /sandbox/);
    assert.deepEqual(new Uint8Array(await picture.arrayBuffer()), SVG_WITH_SCRIPT);
    for (const path of ['pictures/../library.json', `pictures/${name.replace('.svg', '.png')}`, 'pictures/x.svg']) {
      assert.equal((await appResponse(bundle, library.pictures, `app://clipdesk/${path}`)).status, 404, path);
    }
  });
});

const SVG_WITH_SCRIPT = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
