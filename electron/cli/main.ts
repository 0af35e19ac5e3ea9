#!/usr/bin/env node
/**
 * `clipdesk` command line: a thin adapter over the Library facade. Human-readable output by default,
 * `--json` for scripts; on error one line on stderr and a non-zero exit. This file only dispatches:
 * each group of commands is a module beside it.
 */
import { isClipdeskError, Library, resolveLibraryDir } from '../core/index.js';
import { usage } from './args.js';
import { browseCommands } from './browse.js';
import { check } from './check.js';
import { clipEditCommands } from './clip-edits.js';
import type { Command, Commands } from './command.js';
import { print, say } from './command.js';
import { digestCommands } from './digest.js';
import { exportCommands } from './export.js';
import { importCommands } from './import.js';
import { backupToRestore, importLibraryCommands, restoreBackup } from './import-library.js';
import { parseCommandLine } from './options.js';
import { rebuildProgress } from './rebuild-progress.js';
import { revisionCommands } from './revisions.js';
import { serveCommands } from './serve.js';
import { syncCommands } from './sync.js';
import { tagCommands } from './tags.js';
import { trashCommands } from './trash.js';
import { USAGE } from './usage.js';

/** The commands that work on an open library; `check` and restoring a backup must not open one first. */
const COMMANDS: Commands = {
  ...importCommands, ...browseCommands, ...tagCommands, ...clipEditCommands, ...trashCommands, ...revisionCommands,
  ...importLibraryCommands, ...exportCommands, ...digestCommands, ...syncCommands, ...serveCommands,
};

async function main(argv: string[]): Promise<void> {
  const { command, args, flags } = parseCommandLine(argv);
  if (flags.help || !command) {
    console.log(USAGE);
    return;
  }
  const libraryDir = resolveLibraryDir(flags.library);
  if (command === 'check') return print(await check(libraryDir), flags.json);
  const named = commandNamed(command);
  const backup = command === 'import-library' ? await backupToRestore(args, libraryDir) : undefined;
  if (backup !== undefined) return print(await restoreBackup(backup, libraryDir), flags.json);
  // `serve` is the app in a browser: it rebuilds in the background like the app; other commands need whole answers.
  const library = await Library.open(libraryDir, { rebuildInBackground: command === 'serve', onRebuildProgress: rebuildProgress() });
  const result = await named(library, args, flags);
  if (result !== undefined) print(result, flags.json);
  // Damage is found when a file is read, so the command has run by now; `serve` keeps its library open.
  for (const notice of library.notices()) say(notice);
  if (command !== 'serve') await library.close();
}

/** Told before any library is opened: a mistyped command must not create one where none was. */
function commandNamed(command: string): Command {
  // Own properties only: `toString` is no command.
  const named = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (named === undefined) throw usage(`unknown command "${command}" (clipdesk --help lists them)`);
  return named;
}

/** BAD_INPUT (a wrong argument) exits with 2, every other failure with 1. */
function fail(error: unknown): void {
  const message = isClipdeskError(error) || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ? error.message
    : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  say(message);
  process.exitCode = isClipdeskError(error) && error.code === 'BAD_INPUT' ? 2 : 1;
}

main(process.argv.slice(2)).catch(fail);
