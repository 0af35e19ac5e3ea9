/**
 * A second Clipdesk process for tests: opens the library given as its argument as the app does (the
 * catalog rebuilt in the background, paused after each batch by the second argument, in ms), then
 * answers commands on stdin, one a line, with a JSON line each: `search <query>` (the ids found) and
 * `ready` (once its rebuild is over). It says `{ opened, inode }` first, with the inode of the catalog
 * file it opened (and created: it opens a library whose catalog must be rebuilt), and closes the library when stdin ends.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Library } from '../../electron/core/library.js';

const [dir = '', pauseMs = '0'] = process.argv.slice(2);
const library = await Library.open(dir, { rebuildInBackground: true, rebuildPauseMs: Number(pauseMs) });
const say = (answer: object): void => void process.stdout.write(`${JSON.stringify(answer)}\n`);

say({ opened: library.catalogStatus(), inode: (await stat(join(dir, 'index.sqlite'))).ino });
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'ready') {
    await library.catalogReady();
    say({ ready: library.catalogStatus() });
  } else if (line.startsWith('search ')) {
    const { hits } = await library.search(line.slice('search '.length), { limit: 1000 });
    say({ ids: hits.map((hit) => hit.clip.id).sort() });
  }
}
await library.close();
