import { request } from 'node:http';

export type Reply = { status: number; headers: Record<string, unknown>; body: string };

/** A raw HTTP request to 127.0.0.1, so tests can send what a browser never would (a forged Host, no token). */
export function rawRequest(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((done, fail) => {
    const target = { host: '127.0.0.1', port, path, agent: false, method: options.method ?? 'GET', headers: options.headers };
    const req = request(target, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end(options.body);
  });
}
