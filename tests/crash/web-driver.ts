import { CrashWorkload } from './crash-workload.js';
import type { WorkloadApi } from './crash-workload.js';
import type { WriterLine } from './protocol.js';
import type { WriterProcess } from './writer-process.js';

/**
 * Drives a web-host writer as the renderer's HTTP bridge would: the crash workload runs here and
 * calls the host's API; a write is acknowledged when its HTTP answer arrives, and is recorded as the
 * writer's ack line. Ends when the host dies (the kill) or answers with an error (recorded as one).
 */
export async function driveOverHttp(writer: WriterProcess, seed: number, run: number, imports: boolean): Promise<void> {
  const ready = await readyLine(writer);
  if (!ready?.url || !ready.token) return;
  const api = httpApi(new URL(ready.url).origin, ready.token);
  try {
    const workload = await CrashWorkload.start(api, seed, run, imports);
    for (let n = 0; ; n++) {
      const op = await workload.next(n);
      writer.record({ t: 'begin', n, op });
      writer.record({ t: 'ack', n, op, result: await workload.execute(op) });
    }
  } catch (error) {
    if (error instanceof ApiError) {
      writer.record({ t: 'error', n: -1, code: error.code, message: error.message });
      writer.child.kill('SIGKILL');
    }
    // Anything else is the connection dying with the host: the write in flight was never acknowledged.
  }
}

/** An answer of the host that is not `ok`: a real failure, unlike a dropped connection. */
class ApiError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

function readyLine(writer: WriterProcess): Promise<Extract<WriterLine, { t: 'ready' }> | undefined> {
  return new Promise((done) => {
    writer.onLine((line) => line.t === 'ready' && done(line));
    void writer.exited.then(() => done(undefined));
  });
}

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** A body that arrived whole (text() rejects when the host dies mid-answer) but is not an API answer is a failure too. */
function parseAnswer<T>(body: string, status: number): Answer<T> {
  try {
    return JSON.parse(body) as Answer<T>;
  } catch {
    return { ok: false, error: { code: `HTTP_${status}`, message: body.slice(0, 200) } };
  }
}

/** The web host's API as `POST /api/<method>` with the argument list as JSON, like renderer/api-client.ts. */
function httpApi(origin: string, token: string): WorkloadApi {
  const call = async <T>(method: string, ...args: unknown[]): Promise<T> => {
    const response = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Clipdesk-Token': token },
      body: JSON.stringify(args),
    });
    const result = parseAnswer<T>(await response.text(), response.status);
    if (!result.ok) throw new ApiError(result.error.code, `${method}: ${result.error.message}`);
    return result.value;
  };
  return {
    list: (options) => call('list', options),
    get: (id) => call('get', id),
    import: (input) => call('import', input),
    update: (id, patch) => call('update', id, patch),
    addTags: (id, tags) => call('addTags', id, tags),
    removeTags: (id, tags) => call('removeTags', id, tags),
    annotate: (id, input) => call('annotate', id, input),
    deleteAnnotation: (id, annotationId) => call('deleteAnnotation', id, annotationId),
    trash: (id) => call('trash', id),
    restore: (id) => call('restore', id),
    emptyTrash: () => call('emptyTrash'),
  };
}
