import { test as base } from '@playwright/test';
import { startWebHost } from '../../electron/hosts/web.js';
import type { WebHost } from '../../electron/hosts/web.js';
import type { Library } from '../../electron/core/library.js';
import { tempLibrary } from '../helpers/temp-library.js';

/**
 * Every spec gets the real app: a fresh library in a temp folder, the web host on a free loopback
 * port, and the page opened at the URL the host prints (token included).
 */
export const test = base.extend<{ app: { library: Library; host: WebHost } }>({
  app: async ({ page }, use) => {
    const { library, cleanup } = await tempLibrary();
    const host = await startWebHost(library);
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await use({ library, host });
    await host.close();
    await cleanup();
  },
});

export { expect } from '@playwright/test';
