import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { shardDoc, shardKey } from '../../electron/core/store/library-dir.js';
import { SEED_BYLINE, SEED_FILE, SEED_PUBLISHED_TEXT, SEED_TITLE } from '../helpers/seed.js';
import { html, pictureAfterOutage, serveRoutes } from '../helpers/picture-server.js';
import { nodeEntry } from '../helpers/node-entry.js';
import { clipdesk as clipdeskIn } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-library.js';
import { shardPathOf } from '../helpers/stored.js';
import { TINY_IMAGES } from '../helpers/tiny-images.js';

const run = promisify(execFile);
let dir: string;

/** Runs the real CLI in a child process against the temp library; resolves even on a non-zero exit. */
async function clipdesk(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...nodeEntry('electron/cli/main.ts'), ...args], {
      env: { ...process.env, CLIPDESK_LIBRARY: dir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the clipdesk command line', () => {
  let id = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clipdesk-cli-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('imports the seed file and finds it by "Zhou Hui" as JSON with title, date and byline', async () => {
    const imported = await clipdesk('import', SEED_FILE, '--json');
    assert.equal(imported.code, 0, imported.stderr);
    id = JSON.parse(imported.stdout)[0].clip.id;
    const found = await clipdesk('search', 'Zhou Hui', '--json');
    const result = JSON.parse(found.stdout);
    assert.equal(result.hits[0].clip.id, id);
    assert.equal(result.hits[0].clip.title, SEED_TITLE);
    assert.equal(result.hits[0].clip.publishedText, SEED_PUBLISHED_TEXT);
    assert.equal(result.hits[0].clip.byline, SEED_BYLINE);
  });

  it('tags with +name and -name, annotates a quote and shows it all', async () => {
    assert.equal((await clipdesk('tag', id.slice(0, 8), '+pharma', '+jilin', '+draft')).code, 0);
    const tagged = await clipdesk('tag', id, '-draft', '--json');
    assert.deepEqual(JSON.parse(tagged.stdout).tags, ['pharma', 'jilin']);
    const annotated = await clipdesk('annotate', id, '--quote', 'Jilin High-tech Zone', '--note', 'the zone', '--json');
    assert.equal(JSON.parse(annotated.stdout).note, 'the zone');
    const shown = await clipdesk('show', id);
    assert.match(shown.stdout, /tags: pharma, jilin/);
    assert.match(shown.stdout, /\[yellow\] "Jilin High-tech Zone"/);
    const listed = await clipdesk('list', '--tag', 'PHARMA');
    assert.ok(listed.stdout.includes(SEED_TITLE), listed.stdout);
  });

  it('exports JSON, Markdown, HTML and CSV', async () => {
    const json = JSON.parse((await clipdesk('export')).stdout);
    assert.equal(json.clips[0].annotations.length, 1);
    assert.match((await clipdesk('export', '--format', 'markdown')).stdout, /^# China Chamber[\s\S]*## Highlights\n\n> Jilin High-tech Zone/);
    assert.match((await clipdesk('export', '--format', 'csv')).stdout, /^id,title,url/);
    const out = join(dir, 'export.html');
    assert.equal((await clipdesk('export', '--format', 'html', '--out', out)).code, 0);
    assert.match(await readFile(out, 'utf8'), /Content-Security-Policy/);
  });

  it('exports the highlights of the clips a query selects as W3C annotations, and asks for --out where a format needs it', async () => {
    const out = join(dir, 'notes.jsonld');
    const written = await clipdesk('export', '--format', 'w3c', '--out', out, 'tag:pharma');
    assert.equal(written.code, 0, written.stderr);
    const collection = JSON.parse(await readFile(out, 'utf8'));
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.total, 1);
    const [highlight] = collection.first.items;
    assert.equal(highlight.target.source, `urn:clipdesk:clip:${id}`);
    assert.equal(highlight.target.selector[0].exact, 'Jilin High-tech Zone');
    assert.deepEqual(highlight.body.map((body: { value: string }) => body.value), ['the zone', 'pharma', 'jilin']);
    assert.equal((await clipdesk('export', '--format', 'w3c', '--out', out, 'tag:nothing')).code, 0);
    assert.equal(JSON.parse(await readFile(out, 'utf8')).total, 0);
    const vault = await clipdesk('export', '--format', 'vault');
    assert.equal(vault.code, 2);
    assert.match(vault.stderr, /usage: clipdesk export --format vault --out FOLDER/);
  });

  it('fails with a non-zero exit and one line naming the reason', async () => {
    const failing = [
      ['show', 'ffffffff'], ['search', 'after:yesterday'], ['import', '/no/such/file.html'], ['frobnicate'], ['list', '--bogus'],
    ];
    for (const args of failing) {
      const result = await clipdesk(...args);
      assert.notEqual(result.code, 0, args.join(' '));
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.match(result.stderr, /^clipdesk: /);
    }
  });

  it('names an unknown command without creating a library where there was none', async (t) => {
    const nowhere = join(await tempDir(t), 'no-library-here');
    const result = await clipdeskIn(nowhere, ['frobnicate']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown command "frobnicate"/);
    await assert.rejects(stat(nowhere), { code: 'ENOENT' });
  });

  it('refuses a .txt or .md file over the 15 MB cap, as it refuses a page, and saves nothing', async () => {
    const before = JSON.parse((await clipdesk('list', '--json')).stdout).total;
    for (const name of ['notes.txt', 'notes.md']) {
      const path = join(dir, name);
      const sentence = 'The harbour authority published its figures. ';
      await writeFile(path, `Harbour figures\n\n${sentence.repeat(Math.ceil((16 * 1024 * 1024) / sentence.length))}`);
      const result = await clipdesk('import', path);
      assert.equal(result.code, 1, result.stderr);
      assert.equal(result.stderr.trim(), `clipdesk: ${path} is larger than 15.0 MB.`);
    }
    assert.equal(JSON.parse((await clipdesk('list', '--json')).stdout).total, before);
  });

  it('marks a clip read or archived and lists by read state', async () => {
    assert.equal((await clipdesk('mark', id.slice(0, 8), 'archived')).code, 0);
    assert.ok((await clipdesk('list', '--state', 'archived')).stdout.includes(SEED_TITLE));
    assert.ok(!(await clipdesk('list', '--state', 'unread')).stdout.includes(SEED_TITLE));
    const wrong = await clipdesk('mark', id, 'done');
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /the state must be one of unread, read, archived/);
    assert.equal((await clipdesk('mark', id, 'unread')).code, 0);
  });

  it('imports another app\'s export and reports every entry, then fetches the articles of addresses on request', async (t) => {
    const page = html(`<html><head><title>Ferry</title></head><body><article>${'<p>The ferry runs every hour from the pier.</p>'.repeat(6)}`
      + '</article></body></html>');
    const site = await serveRoutes(t, { '/ferry': page });
    const list = join(dir, 'links.md');
    await writeFile(list, `# To read\n\n- [Ferry timetable](${site.url}/ferry)\n- not a link at all\n`);
    const imported = await clipdesk('import-library', list, '--no-fetch', '--json');
    assert.equal(imported.code, 0, imported.stderr);
    const report = JSON.parse(imported.stdout);
    assert.deepEqual([report.format, report.created, report.pending, report.skipped], ['url-list', 1, 1, 1]);
    assert.match(imported.stderr, /List of links/);
    const fetched = await clipdesk('fetch');
    assert.match(fetched.stdout, /fetched 1 article\(s\), 0 failed/);
    assert.match((await clipdesk('search', 'ferry pier')).stdout, /Ferry timetable/);
  });

  it('backs the library up, and import-library restores the backup into a new folder, not into a library with clips', async (t) => {
    const file = join(await tempDir(t, 'clipdesk-cli-backup-'), 'backup.zip');
    assert.equal((await clipdesk('export', '--format', 'backup', '--out', file)).code, 0);
    const copy = join(await tempDir(t, 'clipdesk-cli-restore-'), 'library');
    const restored = await clipdesk('import-library', file, '--library', copy, '--json');
    assert.equal(restored.code, 0, restored.stderr);
    const listing = async (...library: string[]) => (await clipdesk('list', '--json', '--limit', '1000', ...library)).stdout;
    assert.equal(await listing('--library', copy), await listing());
    assert.equal((await clipdesk('show', id, '--library', copy)).stdout, (await clipdesk('show', id)).stdout);
    const refused = await clipdesk('import-library', file);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /Clipdesk backup/);
  });

  it('checks the library without changing it, and exits non-zero naming a damaged shard', async () => {
    const healthy = await clipdesk('check');
    assert.equal(healthy.code, 0, healthy.stderr);
    assert.match(healthy.stdout, /no problems found/);
    const shard = shardPathOf(dir, id);
    const torn = (await readFile(shard, 'utf8')).slice(0, 50);
    await writeFile(shard, torn);
    const damaged = await clipdesk('check');
    assert.equal(damaged.code, 1);
    assert.ok(damaged.stdout.includes(shardDoc(shardKey(id))), damaged.stdout);
    assert.equal(await readFile(shard, 'utf8'), torn, 'check changes nothing');
  });

  // Next: a clip imported now would go to the same shard, and repair it first.
  it('repairs a damaged shard when a command opens it, and says so on stderr', async () => {
    const shown = await clipdesk('show', id);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stderr, /was damaged/);
    assert.equal((await clipdesk('check')).code, 0);
  });

  it('imports with --tag, each tag on each clip', async () => {
    const file = join(dir, 'harbour.txt');
    await writeFile(file, 'Harbour notes\n\nShips waited outside the breakwater all night.');
    const imported = await clipdesk('import', file, '--tag', 'Ports', '--tag', 'night', '--json');
    assert.equal(imported.code, 0, imported.stderr);
    assert.deepEqual(JSON.parse(imported.stdout)[0].clip.tags, ['Ports', 'night']);
    assert.match((await clipdesk('list', '--tag', 'ports')).stdout, /Harbour notes/);
    const refused = await clipdesk('import', file, '--tag', ' ');
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /not a usable tag name/);
  });

  it('imports many files in one go: one that fails is told, the others are clipped', async () => {
    const files = ['one', 'two', 'three'].map((name) => join(dir, `many-${name}.txt`));
    await Promise.all(files.map((file, n) => writeFile(file, `Many notes ${n}\n\nThe tide came in at ${n + 5} o'clock.`)));
    const imported = await clipdesk('import', files[0] ?? '', join(dir, 'missing.txt'), ...files.slice(1), '--json');
    assert.equal(imported.code, 1);
    assert.match(imported.stderr, /^clipdesk: .*missing\.txt: /);
    const results = JSON.parse(imported.stdout) as Array<{ index: number; outcome: string }>;
    const outcomes = results.map(({ index, outcome }) => [index, outcome]);
    assert.deepEqual(outcomes, [[0, 'created'], [1, 'failed'], [2, 'created'], [3, 'created']]);
    assert.match((await clipdesk('search', 'tide')).stdout, /Many notes 2/);
  });

  it('says when pictures were not kept, and fetch-pictures keeps them later with progress', async (t) => {
    const picture = pictureAfterOutage(TINY_IMAGES.png);
    const paragraphs = Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i} on the new cranes at the eastern terminal.</p>`).join('');
    const site = await serveRoutes(t, {
      '/cranes': html(`<html><head><title>Cranes</title></head><body><article>${paragraphs}<img src="/c.png"></article></body></html>`),
      '/c.png': picture.route,
    });
    const imported = await clipdesk('import', `${site.url}/cranes`);
    assert.match(imported.stdout, /1 picture\(s\) not kept; try again later: clipdesk fetch-pictures [0-9a-f]{8}/);
    picture.comeUp();
    const fetched = await clipdesk('fetch-pictures', '--json');
    assert.equal(fetched.code, 0, fetched.stderr);
    const counts = JSON.parse(fetched.stdout).map((result: { kept: number; missing: number }) => [result.kept, result.missing]);
    assert.deepEqual(counts, [[1, 0]]);
    assert.match(fetched.stderr, /pictures of 1\/1 clips: [0-9a-f]{8} keeps 1, misses 0/);
    assert.match((await clipdesk('fetch-pictures')).stdout, /no clip misses pictures/);
  });
});
