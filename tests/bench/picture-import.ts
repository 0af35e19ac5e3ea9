import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Library } from '../../electron/core/library.js';
import { CleanupScope } from '../helpers/cleanup-scope.js';
import { tempDir } from '../helpers/temp-library.js';
import { folderBytes } from './folder-bytes.js';

const PICTURES_PER_ARTICLE = 10;
/** Sizes of the ten pictures, a news article's mix of photos, charts and thumbnails. */
const PICTURE_KB = [240, 180, 120, 95, 60, 45, 30, 22, 12, 8];

export interface ClipCost {
  ms: number;
  bytes: number;
}

/**
 * What keeping an article's pictures costs: the same article clipped from a local server with ten
 * pictures and without any, `count` times each, in fresh libraries: time per clip and bytes the
 * library grows by per clip. Each article's pictures are its own, so nothing is shared between clips.
 */
export async function pictureImportCosts(count: number): Promise<{ withPictures: ClipCost; textOnly: ClipCost }> {
  await using scope = new CleanupScope();
  const server = await serveArticles();
  scope.after(() => new Promise<void>((closed) => server.close(() => closed())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const textOnly = await clipCosts(scope, count, (n) => `${base}/plain/${n}`);
  const withPictures = await clipCosts(scope, count, (n) => `${base}/pictures/${n}`);
  return { withPictures, textOnly };
}

async function clipCosts(scope: CleanupScope, count: number, url: (n: number) => string): Promise<ClipCost> {
  const dir = join(await tempDir(scope, 'clipdesk-bench-pictures-'), 'library');
  const library = await Library.open(dir);
  scope.after(() => library.close());
  await library.import({ kind: 'url', url: url(-1) }); // extraction loads on first use
  const before = await folderBytes(dir);
  const start = performance.now();
  for (let n = 0; n < count; n++) await library.import({ kind: 'url', url: url(n) });
  const ms = (performance.now() - start) / count;
  return { ms, bytes: ((await folderBytes(dir)) - before) / count };
}

function serveArticles() {
  const server = createServer((request, response) => {
    const [, kind, n, picture] = (request.url ?? '').split('/');
    if (kind === 'image') {
      response.writeHead(200, { 'content-type': 'image/jpeg' });
      return response.end(fakeJpeg(Number(n), Number(picture)));
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(article(Number(n), kind === 'pictures'));
  });
  return new Promise<typeof server>((listening) => server.listen(0, '127.0.0.1', () => listening(server)));
}

function article(n: number, withPictures: boolean): string {
  const paragraphs = Array.from({ length: 12 }, (_, i) =>
    `<p>Report ${n}, paragraph ${i + 1}: the port authority said container traffic at berth ${i} rose again this quarter.</p>`);
  const pictures = Array.from({ length: PICTURES_PER_ARTICLE }, (_, i) =>
    `<figure><img src="/image/${n}/${i}" alt="picture ${i + 1}"><figcaption>Picture ${i + 1}</figcaption></figure>`);
  const body = withPictures ? paragraphs.flatMap((paragraph, i) => [paragraph, pictures[i] ?? '']) : paragraphs;
  return `<!doctype html><html><head><title>Harbour report ${n}</title></head><body><article><h1>Harbour report ${n}</h1>` +
    `${body.join('\n')}</article></body></html>`;
}

/** Bytes that sniff as a JPEG, distinct per article and picture, of the picture's size. */
function fakeJpeg(article: number, picture: number): Buffer {
  const bytes = Buffer.alloc((PICTURE_KB[picture] ?? 10) * 1024);
  let seed = (article + 7) * 7919 + picture * 104_729;
  for (let i = 0; i < bytes.length; i++) {
    seed = (seed * 1_103_515_245 + 12_345) >>> 0;
    bytes[i] = seed >>> 24;
  }
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return bytes;
}
