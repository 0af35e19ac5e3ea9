/** What every CLI command is: a function of the open library, its words and flags, and what it prints. */
import type { Library } from '../core/index.js';
import type { Flags } from './options.js';

/** What a command answers: `data` is printed as JSON with --json, `text` otherwise. */
export interface Output {
  data: unknown;
  text: string;
}

/** Resolves with nothing when the command has printed all it has to say itself (a stream, a server's address). */
export type Command = (library: Library, args: string[], flags: Flags) => Promise<Output | undefined>;

export type Commands = Record<string, Command>;

export function print(output: Output, json: boolean | undefined): void {
  console.log(json ? JSON.stringify(output.data, null, 2) : output.text);
}

/** Progress, warnings and failures go to stderr, so that stdout holds only the answer. */
export function say(line: string): void {
  console.error(`clipdesk: ${line}`);
}
