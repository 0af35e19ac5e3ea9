/** The CLI's flags, and the command line read into a command, its words and its flags. */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';

const OPTIONS = {
  library: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  tag: { type: 'string', multiple: true },
  starred: { type: 'boolean' },
  annotated: { type: 'boolean' },
  trash: { type: 'boolean' },
  sort: { type: 'string' },
  state: { type: 'string' },
  limit: { type: 'string' },
  quote: { type: 'string' },
  occurrence: { type: 'string' },
  note: { type: 'string' },
  color: { type: 'string' },
  into: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  port: { type: 'string' },
  'no-fetch': { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
  'last-days': { type: 'string' },
  group: { type: 'string' },
  content: { type: 'string' },
  title: { type: 'string' },
  paper: { type: 'string' },
  html: { type: 'string' },
  pdf: { type: 'string' },
  preset: { type: 'string' },
  'save-preset': { type: 'string' },
  'delete-preset': { type: 'string' },
  presets: { type: 'boolean' },
  url: { type: 'string' },
  user: { type: 'string' },
  once: { type: 'boolean' },
  encrypt: { type: 'boolean' },
} satisfies ParseArgsConfig['options'];

export type Flags = ReturnType<typeof parseFlags>['values'];

export interface CommandLine {
  command: string | undefined;
  /** The words after the command; for `tag`, its -name edits come last. */
  args: string[];
  flags: Flags;
}

/** Throws ERR_PARSE_ARGS_* errors on an unknown flag or a flag without its value. */
export function parseCommandLine(argv: string[]): CommandLine {
  const tagEdits = splitTagEdits(argv);
  const { values: flags, positionals } = parseFlags(tagEdits.rest);
  const [command, ...args] = positionals;
  return { command, args: [...args, ...tagEdits.edits], flags };
}

function parseFlags(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: false });
}

/** In `tag <id> +new -old`, `-old` would read as an unknown flag: keep those words out of parseArgs. */
function splitTagEdits(argv: string[]): { rest: string[]; edits: string[] } {
  const rest: string[] = [];
  const edits: string[] = [];
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    const option = OPTIONS[word.replace(/^--/, '') as keyof typeof OPTIONS] as { type: string } | undefined;
    if (command === 'tag' && /^-[^-]/.test(word) && word !== '-h') edits.push(word);
    else rest.push(word);
    if (word.startsWith('--') && option?.type === 'string' && !word.includes('=')) rest.push(argv[++i] ?? '');
    else if (!word.startsWith('-')) command ??= word;
  }
  return { rest, edits };
}
