/** `serve`: the app in a browser on 127.0.0.1, over the library this process keeps open. */
import { serveInBrowser } from '../hosts/serve.js';
import { number } from './args.js';
import type { Commands } from './command.js';

export const serveCommands = {
  async serve(library, _args, flags) {
    const { web, clipper } = await serveInBrowser(library, { port: flags.port === '0' ? 0 : number(flags.port, '--port') });
    console.log(`Clipdesk is running at ${web.url}\n` +
      `(library: ${library.dir}; browser clipper on port ${clipper.port}; stop with Ctrl+C)`);
    return undefined;
  },
} satisfies Commands;
