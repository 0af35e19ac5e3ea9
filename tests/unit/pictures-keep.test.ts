import assert from 'node:assert/strict';
import { readFile, readdir, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { keptPictures, missingPictureAddresses } from '../../electron/shared/content-pictures.js';
import { checkLibrary } from '../../electron/core/index.js';
import { html, pictureAfterOutage, serveRoutes } from '../helpers/picture-server.js';
import { tempDir, tempLibrary } from '../helpers/temp-library.js';
import { TINY_IMAGES } from '../helpers/tiny-images.js';

const PARAGRAPHS = Array.from({ length: 6 }, (_, i) =>
  `<p>Paragraph ${i + 1} of the harbour report: container traffic, new cranes and the night shift at berth ${i + 1}.</p>`).join('\n');

function article(title: string, pictures: string): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${PARAGRAPHS}` +
    `${pictures}</article></body></html>`;
}

const PICTURE_ROUTES = {
  '/crane.png': { type: 'image/png', body: TINY_IMAGES.png },
  '/map.svg': { type: 'image/svg+xml', body: TINY_IMAGES.svg },
  '/chart.gif': { type: 'image/gif', body: TINY_IMAGES.gif },
  '/broken.jpg': { type: 'image/jpeg', body: 'this is no picture' },
};

describe('keeping the pictures of a clipped page', () => {
  it('stores each picture once by its hash, points the content at it, and saves a clip whose picture failed', async (t) => {
    const { dir, library } = await tempLibrary(t);
    const site = await serveRoutes(t, {
      ...PICTURE_ROUTES,
      '/a': html(article('Cranes arrive', '<figure><img src="/crane.png" alt="crane"><figcaption>New crane</figcaption></figure>' +
        '<img src="/map.svg" alt="map"><img src="/broken.jpg" alt="broken">')),
      '/b': html(article('Cranes again', '<img src="/crane.png" alt="the same crane"><img src="/chart.gif" alt="chart">')),
    });
    const first = await library.import({ kind: 'url', url: `${site.url}/a` });
    assert.deepEqual(first.pictures, { kept: 2, missing: 1 });
    const { content } = await library.get(first.clip.id);
    assert.equal(keptPictures(content).length, 2);
    assert.deepEqual(missingPictureAddresses(content), [`${site.url}/broken.jpg`]);
    assert.match(content, /<figcaption>New crane<\/figcaption>/);
    assert.doesNotMatch(content, /\ssrc=/, 'stored content loads nothing by itself');

    const second = await library.import({ kind: 'url', url: `${site.url}/b` });
    assert.deepEqual(second.pictures, { kept: 2, missing: 0 });
    assert.equal((await storedPictures(dir)).length, 3, 'the crane both articles show is stored once');
    const crane = keptPictures(content).find((name) => name.endsWith('.png')) ?? '';
    assert.deepEqual((await library.pictures.picture(crane))?.type, 'image/png');
    assert.deepEqual((await checkLibrary(dir)).problems, []);
  });

  it('fetches nothing for a clip without an address, and counts its pictures as missing', async (t) => {
    const { dir, library } = await tempLibrary(t);
    const site = await serveRoutes(t, PICTURE_ROUTES);
    const saved = await library.import({ kind: 'html', html: article('Pasted', `<img src="${site.url}/crane.png">`) });
    assert.deepEqual(saved.pictures, { kept: 0, missing: 1 });
    assert.equal(site.hits.size, 0);
    assert.deepEqual(await storedPictures(dir), []);
  });

  it('takes the pictures a clip lacked when the same page is clipped again', async (t) => {
    const { library } = await tempLibrary(t);
    const crane = pictureAfterOutage(TINY_IMAGES.png);
    const site = await serveRoutes(t, { '/a': html(article('Cranes arrive', '<img src="/crane.png">')), '/crane.png': crane.route });
    const first = await library.import({ kind: 'url', url: `${site.url}/a` });
    assert.deepEqual(first.pictures, { kept: 0, missing: 1 });
    crane.comeUp();
    const again = await library.import({ kind: 'url', url: `${site.url}/a` });
    assert.equal(again.outcome, 'unchanged');
    assert.deepEqual(again.pictures, { kept: 1, missing: 0 });
    assert.equal(keptPictures((await library.get(first.clip.id)).content).length, 1);
  });

  it('collects, when the trash is emptied, the pictures no other clip shows in any version', async (t) => {
    const { dir, library } = await tempLibrary(t);
    const site = await serveRoutes(t, {
      ...PICTURE_ROUTES,
      '/a': html(article('Cranes arrive', '<img src="/crane.png"><img src="/map.svg">')),
      '/b': html(article('Cranes again', '<img src="/crane.png">')),
    });
    const a = await library.import({ kind: 'url', url: `${site.url}/a` });
    await library.import({ kind: 'url', url: `${site.url}/b` });
    await ageStoredPictures(dir);
    await library.trash(a.clip.id);
    await library.emptyTrash();
    const left = await storedPictures(dir);
    assert.equal(left.length, 1, 'the map went with its clip; the crane stays for the other one');
    assert.match(left[0] ?? '', /\.png$/);
  });

  it('keeps the pictures of every version when a page changes and an earlier version is restored', async (t) => {
    const { dir, library } = await tempLibrary(t);
    let version = 1;
    const site = await serveRoutes(t, {
      ...PICTURE_ROUTES,
      '/a': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(version === 1
          ? article('Cranes arrive', '<img src="/crane.png">')
          : article('Cranes arrive', '<p>The port corrected its figures.</p><img src="/chart.gif">'));
      },
    });
    const { clip } = await library.import({ kind: 'url', url: `${site.url}/a` });
    version = 2;
    assert.equal((await library.import({ kind: 'url', url: `${site.url}/a` })).outcome, 'updated');
    await library.restoreRevision(clip.id, 1);
    await ageStoredPictures(dir);
    await library.emptyTrash();
    assert.equal((await storedPictures(dir)).length, 2, 'the restored version shows one, the version it replaced the other');
    assert.equal(keptPictures((await library.get(clip.id)).content).length, 1);
    assert.deepEqual((await checkLibrary(dir)).problems, []);
  });

  it('keeps a picture stored within the last hour even when no clip shows it yet (an import on its way)', async (t) => {
    const { dir, library } = await tempLibrary(t);
    const site = await serveRoutes(t, { ...PICTURE_ROUTES, '/a': html(article('Cranes arrive', '<img src="/crane.png">')) });
    const a = await library.import({ kind: 'url', url: `${site.url}/a` });
    await library.trash(a.clip.id);
    await library.emptyTrash();
    assert.equal((await storedPictures(dir)).length, 1);
  });
});

async function storedPictures(dir: string): Promise<string[]> {
  const root = join(dir, 'pictures');
  const folders = await readdir(root).catch(() => []);
  return (await Promise.all(folders.map((folder) => readdir(join(root, folder))))).flat().sort();
}

/** Moves the stored pictures' times two hours back, past the grace an import in progress gets. */
async function ageStoredPictures(dir: string): Promise<void> {
  const past = new Date(Date.now() - 2 * 60 * 60 * 1000);
  for (const name of await storedPictures(dir)) {
    const path = join(dir, 'pictures', name.slice(0, 2), name);
    await stat(path);
    await utimes(path, past, past);
  }
}

describe('fetching missing pictures later', () => {
  it('lists the clips that miss pictures, fetches them again, and adds no version', async (t) => {
    const { library } = await tempLibrary(t);
    const crane = pictureAfterOutage(TINY_IMAGES.png);
    const site = await serveRoutes(t, {
      '/a': html(article('Cranes arrive', '<img src="/crane.png"><img src="/gone.png">')),
      '/crane.png': crane.route,
    });
    const { clip } = await library.import({ kind: 'url', url: `${site.url}/a` });
    assert.deepEqual(library.pictures.missing(), [clip.id]);
    crane.comeUp();
    assert.deepEqual(await library.pictures.fetchAgain(clip.id), { kept: 1, missing: 1 });
    assert.deepEqual(library.pictures.missing(), [clip.id], 'one picture is gone for good');
    assert.deepEqual(await library.revisions(clip.id), []);
    assert.equal(keptPictures((await library.get(clip.id)).content).length, 1);
    assert.deepEqual(await library.pictures.fetchAgain(clip.id), { kept: 1, missing: 1 }, 'asking again changes nothing');
  });
});

describe('exports with pictures', () => {
  it('carries them inline in HTML, beside the file for Markdown, and by address on a terminal', async (t) => {
    const { library } = await tempLibrary(t);
    const site = await serveRoutes(t, {
      ...PICTURE_ROUTES,
      '/a': html(article('Cranes arrive', '<img src="/crane.png" alt="crane"><img src="/broken.jpg" alt="broken">')),
    });
    await library.import({ kind: 'url', url: `${site.url}/a` });
    const text = async (...args: Parameters<typeof library.exports.export>) => {
      let all = '';
      for await (const piece of library.exports.export(...args)) all += piece;
      return all;
    };
    const page = await text('html');
    assert.match(page, /<img src="data:image\/png;base64,[A-Za-z0-9+/=]+"[^>]*alt="crane"/);
    assert.doesNotMatch(page, /\ssrc="http/, 'a missing picture is not loaded from the web either');

    const folder = join(await tempDir(t, 'clipdesk-export-'), 'notes-pictures');
    const markdown = await text('markdown', undefined, { path: folder, href: 'notes-pictures' });
    const [name = ''] = await readdir(folder);
    assert.match(name, /^[0-9a-f]{64}\.png$/);
    assert.ok(markdown.includes(`![crane](notes-pictures/${name})`), markdown);
    assert.ok(markdown.includes(`![broken](${site.url}/broken.jpg)`), 'a picture not kept links to where it was');
    assert.ok((await text('markdown')).includes(`![crane](${site.url}/crane.png)`), 'without a folder, kept pictures link to the web too');
  });
});

describe('pictures of real pages, safely', () => {
  it('keeps every lazy-loaded form, choosing a sensible srcset candidate, and fetches nothing it should not', async (t) => {
    const { library } = await tempLibrary(t);
    const page = await readFile(new URL('../fixtures/pages/lazy-pictures.html', import.meta.url), 'utf8');
    const site = await serveRoutes(t, {
      '/city/bridge': html(page),
      '*': { type: 'image/jpeg', body: TINY_IMAGES.jpeg },
    });
    const { clip, pictures } = await library.import({ kind: 'url', url: `${site.url}/city/bridge` });
    const requested = [...site.hits.keys()].filter((path) => path !== '/city/bridge').sort();
    assert.deepEqual(requested, [
      '/city/photos/crane-dawn.jpg', '/maps/route@2x.png', '/photos/night-lights.jpg', '/photos/quay-crowd.jpg',
      '/wp-content/uploads/deck-1024x683.jpg',
    ]);
    // The server answers every picture with the same bytes: five pictures, one file.
    assert.deepEqual(pictures, { kept: 1, missing: 2 });
    const { content } = await library.get(clip.id);
    assert.deepEqual(missingPictureAddresses(content), [
      'http://img.news.example/2024/span-lift.jpg', 'https://cdn.news.example/bridge-wide-1280.webp',
    ], 'the two on hosts that do not resolve here');
    assert.doesNotMatch(content, /tracker\.example/, 'a counter pixel in <noscript> is no picture');
  });

  it('refuses pictures on, or redirected to, another private host, an oversized one, and a file that is no image', async (t) => {
    const { library } = await tempLibrary(t, { pictures: { maxBytesPerPicture: 4096 } });
    const other = await serveRoutes(t, { '/inside.png': { type: 'image/png', body: TINY_IMAGES.png } }, '127.0.0.2');
    const site = await serveRoutes(t, {
      '/a': html(article('Pictures from everywhere', `<img src="${other.url}/inside.png" alt="other host">` +
        '<img src="/hop.png" alt="redirected"><img src="/big.png" alt="big"><img src="/page.png" alt="not a picture">' +
        '<img src="/ok.png" alt="fine">')),
      '/hop.png': (_request, response) => response.writeHead(302, { location: `${other.url}/inside.png` }).end(),
      '/big.png': { type: 'image/png', body: Buffer.concat([TINY_IMAGES.png, Buffer.alloc(8192)]) },
      '/page.png': html('<!doctype html><p>Not found, really.</p>'),
      '/ok.png': { type: 'image/png', body: TINY_IMAGES.png },
    });
    const { pictures } = await library.import({ kind: 'url', url: `${site.url}/a` });
    assert.deepEqual(pictures, { kept: 1, missing: 4 });
    assert.equal(other.hits.size, 0, 'nothing ever reached the other private host');
  });
});
