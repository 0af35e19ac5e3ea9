/**
 * The tests' CouchDB server, run as a child process (see node-entry.ts) so a
 * test can SIGKILL it mid-replication as a crash or an outage would, and start it again on the same
 * data. express-pouchdb speaks the replication protocol over PouchDB's LevelDB adapter, with the
 * databases under `dir`, so what was written before a kill is there after the restart.
 *
 * It reads its settings from the COUCH_SERVER_CONFIG environment variable (JSON: dir, port, and user
 * and password when the server asks for them), says `{"port":N}` on stdout once it listens, and then
 * takes commands on stdin, one JSON line each, answering each with a line:
 *   {"cutAfterBytes":N}  once N more bytes have been sent, cut the connection that sends them (once).
 * It exits when stdin ends, so it outlives neither the test process nor a test that forgot it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import express from 'express';
import expressPouchdb from 'express-pouchdb';
import { PouchDB } from './pouchdb.js';

export interface CouchServerConfig {
  dir: string;
  port: number;
  user?: string;
  password?: string;
}

const config = JSON.parse(process.env.COUCH_SERVER_CONFIG ?? '{}') as CouchServerConfig;
const say = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`);

const DB = PouchDB.defaults({ prefix: `${config.dir}/`, adapter: 'leveldb' });
const app = express();
app.disable('x-powered-by');
app.use(requireBasicAuth(config.user, config.password));
app.use(expressPouchdb(DB, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: join(config.dir, 'express-pouchdb.log') }));

let cutBudget: number | null = null;
/** Bytes received and sent on every connection so far (the benchmark's bytes on the wire, headers included). */
const closedTraffic = { received: 0, sent: 0 };
const openSockets = new Set<Socket>();
const server = app.listen(config.port, '127.0.0.1', () => say({ port: (server.address() as AddressInfo).port }));
server.on('connection', countOrCut);
server.on('connection', countTraffic);

for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line) as { cutAfterBytes?: number; traffic?: boolean };
  if (typeof command.cutAfterBytes === 'number') cutBudget = command.cutAfterBytes;
  say(command.traffic ? { traffic: trafficSoFar() } : { done: command });
}
// Stdin ended: the test is over or its process died (a SIGKILLed parent closes the pipe too).
process.exit(0);

/**
 * CouchDB's answer to a request without the right user and password (a server with
 * require_valid_user = true). No user configured: every request passes.
 */
function requireBasicAuth(user: string | undefined, password: string | undefined) {
  const expected = user === undefined ? null : digest(`${user}:${password ?? ''}`);
  return (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void): void => {
    if (expected === null) return next();
    const given = basicCredentials(request.headers.authorization);
    if (given !== null && timingSafeEqual(digest(given), expected)) return next();
    const reason = given === null ? 'Authentication required.' : 'Name or password is incorrect.';
    response.writeHead(401, {
      'content-type': 'application/json',
      ...(given === null ? { 'www-authenticate': 'Basic realm="server"' } : {}),
    });
    response.end(`${JSON.stringify({ error: 'unauthorized', reason })}\n`);
  };
}

function basicCredentials(header: string | undefined): string | null {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] === undefined ? null : Buffer.from(match[1], 'base64').toString('utf8');
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function countTraffic(socket: Socket): void {
  openSockets.add(socket);
  socket.on('close', () => {
    openSockets.delete(socket);
    closedTraffic.received += socket.bytesRead;
    closedTraffic.sent += socket.bytesWritten;
  });
}

function trafficSoFar(): { received: number; sent: number } {
  const open = [...openSockets];
  return {
    received: closedTraffic.received + open.reduce((sum, socket) => sum + socket.bytesRead, 0),
    sent: closedTraffic.sent + open.reduce((sum, socket) => sum + socket.bytesWritten, 0),
  };
}

/**
 * Counts the bytes every connection sends while a cut is armed; the write that crosses the budget
 * sends only what is left of it and then the connection is destroyed, as a dropped network would.
 */
function countOrCut(socket: Socket): void {
  const write = socket.write.bind(socket) as (chunk: unknown, ...rest: unknown[]) => boolean;
  socket.write = ((chunk: unknown, ...rest: unknown[]): boolean => {
    if (cutBudget === null) return write(chunk, ...rest);
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : 'utf8')
      : Buffer.from(chunk as Uint8Array);
    if (bytes.length <= cutBudget) {
      cutBudget -= bytes.length;
      return write(chunk, ...rest);
    }
    const left = cutBudget;
    cutBudget = null;
    if (left > 0) write(bytes.subarray(0, left));
    socket.destroy();
    return false;
  }) as Socket['write'];
}
