/** How a rebuild of the library's index that a command waits for goes, told on stderr. */
import type { RebuildProgress } from '../core/index.js';
import { say } from './command.js';

/** About once a second, and at the end, so that a long rebuild is seen to move without flooding the terminal. */
export function rebuildProgress(): (progress: RebuildProgress) => void {
  let said = 0;
  return ({ listing, done, total, elsewhere }) => {
    if (Date.now() - said < 1000 && done < total) return;
    said = Date.now();
    const who = elsewhere === undefined ? 'rebuilding the library index'
      : `waiting for another Clipdesk process (pid ${elsewhere}) to finish rebuilding the library index`;
    say(`${who}: ${listing ? `${done} clips listed` : `${done} of ${total} clips indexed`}`);
  };
}
