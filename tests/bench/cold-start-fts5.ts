/**
 * The FTS5 counterpart of cold-start-clipdesk.ts: opens the baseline database, answers the same first
 * query, then the same session (more searches, one tag edit as an UPDATE). Args: database file, JSON
 * array of BenchQuery, the rowid to edit.
 */
import { ftsSearch, openBaseline } from './fts5.js';
import { sqliteDriver } from '../../electron/core/sqlite-driver.js';
import type { BenchQuery } from './queries.js';
import { anonymousRssMb } from './report.js';

const [file = '', queriesJson = '[]', rowid = '1'] = process.argv.slice(2);
const queries = JSON.parse(queriesJson) as BenchQuery[];
const db = openBaseline(sqliteDriver(), file);
const search = ftsSearch(db);
const [first, ...rest] = queries;
if (first) search.top(first);
console.log('answered');
for (const query of rest) search.top(query);
db.prepare("update clips set tags = tags || ' cold-start' where rowid = ?").run(Number(rowid));
const rssMb = process.memoryUsage().rss / 2 ** 20;
console.log(JSON.stringify({ rssMb, anonMb: anonymousRssMb(), peakMb: process.resourceUsage().maxRSS / 1024 }));
db.close();
