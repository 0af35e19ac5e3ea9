/** `check`: every file of the library read and its damage reported, without opening it (opening would repair). */
import { checkLibrary } from '../core/index.js';
import type { Output } from './command.js';
import { formatCheck } from './output.js';

/** Sets a non-zero exit code when a problem is found. */
export async function check(dir: string): Promise<Output> {
  const report = await checkLibrary(dir);
  if (report.problems.length > 0) process.exitCode = 1;
  return { data: report, text: formatCheck(report) };
}
