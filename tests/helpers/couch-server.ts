/**
 * A real CouchDB-protocol server for sync tests (express-pouchdb over LevelDB, see
 * couch-server-main.ts), in a child process the test can SIGKILL and start again on the same data
 * and port. With a TestScope (`t` in a node:test test) it is stopped when the test ends; the child
 * also exits by itself when this process dies (its stdin closes), so no server outlives the tests.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { TestScope } from './cleanup-scope.js';
import type { CouchServerConfig } from './couch-server-main.js';
import { nodeEntry } from './node-entry.js';

const MAIN = fileURLToPath(new URL('./couch-server-main.ts', import.meta.url));
/** `--import tsx` (the source, when dist/ is not current) resolves tsx from the working directory: the project root. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 30_000;

export interface CouchServerOptions {
  /** Where the databases are kept (LevelDB folders); a restart finds them there. */
  dir: string;
  /** 0 or left out: a free port on first start, kept across restarts. */
  port?: number;
  /** With a user, every request needs HTTP Basic auth with this user and password (401 otherwise). */
  user?: string;
  password?: string;
}

export interface CouchDoc {
  _id: string;
  _rev: string;
  _attachments?: Record<string, { content_type: string; digest: string; length?: number; stub?: boolean }>;
  [field: string]: unknown;
}

export interface CouchServer {
  /** http://127.0.0.1:PORT, without credentials. */
  readonly url: string;
  readonly port: number;
  /** The child's pid while it runs, else null. */
  readonly pid: number | null;
  /** SIGKILL, as a crash or a pulled plug: no response finishes, nothing is flushed. Resolves once it is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data (killing it first if it still runs). */
  restart(): Promise<void>;
  /** Ends it (stdin closed, SIGKILL if it lingers). Safe to call twice. */
  stop(): Promise<void>;
  /** Once `bytes` more bytes have gone out, the connection sending them is cut mid-response (once). */
  cutAfterBytes(bytes: number): Promise<void>;
  traffic(): Promise<{ received: number; sent: number }>;
  /** Every document of `db` with its body, read over HTTP with the server's credentials. */
  allDocs(db: string): Promise<CouchDoc[]>;
  /** The number of (not deleted) documents in `db`; 0 when the database does not exist. */
  docCount(db: string): Promise<number>;
  /** GET `path` (e.g. `/db/id?attachments=true`) with the server's credentials; the parsed JSON. */
  getJson(path: string): Promise<unknown>;
}

export async function startCouchServer(options: CouchServerOptions, scope?: TestScope): Promise<CouchServer> {
  const server = new ChildCouchServer(options);
  scope?.after(() => server.stop());
  await server.start(options.port ?? 0);
  return server;
}

/** The running child and its stdout lines, answered in order. */
interface Running {
  child: ChildProcess;
  lines: AsyncIterator<string>;
  reader: Interface;
  exited: Promise<unknown>;
}

class ChildCouchServer implements CouchServer {
  #port = 0;
  #running: Running | null = null;
  #stderr = '';
  readonly #options: CouchServerOptions;

  constructor(options: CouchServerOptions) {
    this.#options = options;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  get port(): number {
    return this.#port;
  }

  get pid(): number | null {
    return this.#running?.child.pid ?? null;
  }

  async start(port: number): Promise<void> {
    const { dir, user, password } = this.#options;
    const config: CouchServerConfig = { dir, port, user, password };
    const child = spawn(process.execPath, nodeEntry(MAIN), {
      cwd: ROOT,
      env: { ...process.env, COUCH_SERVER_CONFIG: JSON.stringify(config) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.#stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => void (this.#stderr = (this.#stderr + text).slice(-4000)));
    const reader = createInterface({ input: child.stdout });
    const running: Running = { child, reader, lines: reader[Symbol.asyncIterator](), exited: exitOf(child) };
    this.#running = running;
    killOnExit(child);
    const { port: listening } = (await this.#answer(START_TIMEOUT_MS)) as { port: number };
    this.#port = listening;
  }

  async kill(): Promise<void> {
    const running = this.#running;
    if (!running) return;
    this.#running = null;
    running.child.kill('SIGKILL');
    await running.exited;
    running.reader.close();
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start(this.#port);
  }

  async stop(): Promise<void> {
    const running = this.#running;
    if (!running) return;
    running.child.stdin?.end();
    const timer = setTimeout(() => running.child.kill('SIGKILL'), 5_000);
    await running.exited;
    clearTimeout(timer);
    running.reader.close();
    if (this.#running === running) this.#running = null;
  }

  async cutAfterBytes(bytes: number): Promise<void> {
    const running = this.#require();
    running.child.stdin?.write(`${JSON.stringify({ cutAfterBytes: bytes })}\n`);
    await this.#answer(5_000);
  }

  /** Bytes the server has received and sent since it started, on every connection. */
  async traffic(): Promise<{ received: number; sent: number }> {
    const running = this.#require();
    running.child.stdin?.write(`${JSON.stringify({ traffic: true })}\n`);
    return ((await this.#answer(5_000)) as { traffic: { received: number; sent: number } }).traffic;
  }

  async allDocs(db: string): Promise<CouchDoc[]> {
    const { rows } = (await this.getJson(`/${encodeURIComponent(db)}/_all_docs?include_docs=true`)) as { rows: Array<{ doc: CouchDoc }> };
    return rows.map((row) => row.doc);
  }

  async docCount(db: string): Promise<number> {
    const response = await this.#get(`/${encodeURIComponent(db)}`);
    if (response.status === 404) return 0;
    return ((await json(response)) as { doc_count: number }).doc_count;
  }

  async getJson(path: string): Promise<unknown> {
    return json(await this.#get(path));
  }

  #get(path: string): Promise<Response> {
    const { user, password } = this.#options;
    const headers: Record<string, string> = user === undefined ? {} : { authorization: basicAuth(user, password ?? '') };
    return fetch(`${this.url}${path}`, { headers, signal: AbortSignal.timeout(10_000) });
  }

  #require(): Running {
    if (!this.#running) throw new Error('the CouchDB test server is not running (killed or stopped)');
    return this.#running;
  }

  /** The child's next stdout line as JSON; its stderr in the error when it exits or times out first. */
  async #answer(timeoutMs: number): Promise<unknown> {
    const running = this.#require();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the CouchDB test server did not answer in ${timeoutMs} ms`)), timeoutMs);
    });
    const exited = running.exited.then(() => ({ done: true as const, value: undefined }));
    try {
      const next = await Promise.race([running.lines.next(), timeout, exited]);
      if (next.done) throw new Error('the CouchDB test server exited');
      return JSON.parse(next.value) as unknown;
    } catch (error) {
      await this.kill();
      throw new Error(`${(error as Error).message}; its stderr: ${this.#stderr || '(empty)'}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

async function json(response: Response): Promise<unknown> {
  const body = await response.text();
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${body}`);
  return JSON.parse(body) as unknown;
}

function exitOf(child: ChildProcess): Promise<unknown> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit');
}

/** A test process that ends without stopping its server (an assertion threw, a timeout) takes it along. */
function killOnExit(child: ChildProcess): void {
  const kill = (): void => void child.kill('SIGKILL');
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
}
