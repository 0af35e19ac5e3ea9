/** `clipdesk digest`: a press review of the clips a query selects, as HTML and PDF, and its saved presets. */
import { writeFile } from 'node:fs/promises';
import { DIGEST_CONTENTS, DIGEST_GROUPS, PAPERS } from '../api.js';
import type { DigestDefinition, DigestPreset } from '../api.js';
import type { Library } from '../core/index.js';
import { number, oneOf, usage } from './args.js';
import type { Commands, Output } from './command.js';
import type { Flags } from './options.js';

export const digestCommands = {
  digest: digestCommand,
} satisfies Commands;

/**
 * Makes the digest a query (or a saved preset, its fields overridden by the flags given) defines: to
 * `--html` and/or `--pdf`, else the HTML to stdout. `--save-preset NAME` also keeps the definition.
 */
async function digestCommand(library: Library, words: string[], flags: Flags): Promise<Output | undefined> {
  const { digests } = library;
  if (flags.presets) {
    const presets = await digests.presets.list();
    return { data: presets, text: presets.map(describePreset).join('\n') || 'no saved press reviews' };
  }
  if (flags['delete-preset'] !== undefined) {
    const left = await digests.presets.delete(flags['delete-preset']);
    return { data: left, text: `deleted the saved press review "${flags['delete-preset']}"` };
  }
  const base = flags.preset === undefined ? undefined : await digests.preset(flags.preset);
  const definition = definitionFrom(words, flags, base);
  const said: string[] = [];
  if (flags['save-preset'] !== undefined) {
    await digests.savePreset({ name: flags['save-preset'], definition });
    said.push(`saved as "${flags['save-preset']}" (run it again with: clipdesk digest --preset "${flags['save-preset']}")`);
  }
  const outputs = (['html', 'pdf'] as const).flatMap((format) => {
    const file = flags[format];
    return file === undefined ? [] : [{ format, file }];
  });
  // Saving a preset alone makes no review; otherwise it is made once, whatever it is written as.
  if (outputs.length === 0 && flags['save-preset'] !== undefined) return { data: { definition }, text: said.join('\n') };
  const digest = await digests.render(definition);
  const { items } = digest;
  if (outputs.length === 0) {
    process.stdout.write(digest.html);
    return undefined;
  }
  for (const { format, file } of outputs) {
    await writeFile(file, (await digests.file(digest, format)).bytes);
    said.push(`wrote a press review of ${items} clip(s) to ${file}`);
  }
  return { data: { definition, items, written: outputs }, text: said.join('\n') };
}

function definitionFrom(words: string[], flags: Flags, base: DigestDefinition | undefined): DigestDefinition {
  const lastDays = number(flags['last-days'], '--last-days');
  const period = flags.from !== undefined || flags.to !== undefined || lastDays !== undefined;
  if (lastDays !== undefined && (flags.from !== undefined || flags.to !== undefined)) {
    throw usage('give --last-days or --from/--to, not both');
  }
  return {
    title: flags.title ?? base?.title ?? '',
    query: words.length > 0 ? words.join(' ') : (base?.query ?? ''),
    ...(period ? { from: flags.from, to: flags.to, lastDays } : { from: base?.from, to: base?.to, lastDays: base?.lastDays }),
    group: choice(flags.group, DIGEST_GROUPS, '--group') ?? base?.group ?? 'none',
    content: choice(flags.content, DIGEST_CONTENTS, '--content') ?? base?.content ?? 'excerpt',
    order: 'date',
    paper: choice(flags.paper, PAPERS, '--paper') ?? base?.paper ?? 'a4',
  };
}

function choice<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  return value === undefined ? undefined : (oneOf(value, allowed, name) as T);
}

function describePreset({ name, definition }: DigestPreset): string {
  const period = definition.lastDays !== undefined ? `last ${definition.lastDays} days`
    : [definition.from, definition.to].some(Boolean) ? `${definition.from ?? '…'} to ${definition.to ?? '…'}` : 'any date';
  return `${name}: "${definition.query || '(every clip)'}", ${period}, grouped by ${definition.group}, ${definition.content}`;
}
