/**
 * `npm run icons`: renders every app icon from the one source image, assets/icon.svg.
 * build/icon.png (1024 px) is what electron-builder turns into the macOS .icns and the Windows .ico;
 * build/icons/<n>x<n>.png is the Linux set it installs into the hicolor theme. The PNGs are committed
 * so packaging needs no rasterizer; tests/unit/packaging.test.ts checks they match a fresh render.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

export const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const ICON_SOURCE = join(PROJECT_DIR, 'assets', 'icon.svg');
export const MAIN_ICON = { file: 'build/icon.png', size: 1024 };
/** The sizes of the freedesktop hicolor theme that electron-builder documents for Linux. */
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

/** Every icon file (path relative to the project) with its pixel size. */
export function iconFiles(): { file: string; size: number }[] {
  return [MAIN_ICON, ...LINUX_ICON_SIZES.map((size) => ({ file: `build/icons/${size}x${size}.png`, size }))];
}

/** One square PNG of the SVG. System fonts are off: the icon has no text, and output must not vary by machine. */
export function renderIcon(svg: string | Buffer, size: number): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } });
  return resvg.render().asPng();
}

async function main(): Promise<void> {
  const svg = await readFile(ICON_SOURCE);
  for (const { file, size } of iconFiles()) {
    const target = join(PROJECT_DIR, file);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, renderIcon(svg, size));
    console.log(`${file}  ${size}x${size}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
