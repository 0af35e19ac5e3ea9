import { setTimeout as sleep } from 'node:timers/promises';

/** Whether `check` came true within `ms`, asked every 50 ms: for what a library does once its writes pause. */
export async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (check()) return true;
  return check();
}
