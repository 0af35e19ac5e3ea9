/**
 * A Pocket export zip of any size, written as Pocket wrote them: parts of 10,000 rows with the
 * `cursor` column, the URL as the title where there was none, titles with commas, quotes, newlines
 * and Chinese, tags joined by `|`, and highlights for every 50th item in annotations/part_000000.json.
 */
import { strToU8, zipSync } from 'fflate';

export interface PocketExportOptions {
  items: number;
  perPart?: number;
}

const TITLES = [
  'How the web got slow, and what to do about it',
  'The "read later" habit: a field guide',
  'Notes on a year of reading\nwithout algorithms',
  '城市更新：老街区的新生活',
  '深度报道｜一座小城的二十年',
];
const TAGS = ['', 'news', 'tech|reading', '城市|北京', 'longread'];
const FIRST_ADDED = 1_500_000_000;

export function makePocketExport({ items, perPart = 10_000 }: PocketExportOptions): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (let part = 0; part * perPart < items; part++) {
    const rows = ['title,url,time_added,cursor,tags,status'];
    for (let i = part * perPart; i < Math.min(items, (part + 1) * perPart); i++) rows.push(rowOf(i));
    files[`part_${String(part).padStart(6, '0')}.csv`] = strToU8(`${rows.join('\r\n')}\r\n`);
  }
  files['annotations/part_000000.json'] = strToU8(JSON.stringify(annotations(items), null, 2));
  return zipSync(files);
}

/** The URL of item `i`, to find its entry again. */
export function pocketItemUrl(i: number): string {
  return `https://news.example.com/${2015 + (i % 10)}/story-${i}`;
}

function rowOf(i: number): string {
  const url = pocketItemUrl(i);
  const title = i % 7 === 0 ? url : (TITLES[i % TITLES.length] as string);
  return [csvField(title), url, FIRST_ADDED + i * 60, i + 1, TAGS[i % TAGS.length], i % 3 === 0 ? 'archive' : 'unread'].join(',');
}

function annotations(items: number): unknown[] {
  const annotated = [];
  for (let i = 0; i < items; i += 50) {
    const highlights = [{ quote: `Highlight of story ${i}`, created_at: FIRST_ADDED + i * 60 + 30 }];
    annotated.push({ url: pocketItemUrl(i), title: TITLES[i % TITLES.length], highlights });
  }
  return annotated;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
