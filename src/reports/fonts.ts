/**
 * The report font: DejaVu (npm `dejavu-fonts-ttf`), which covers every Vietnamese letter with its
 * tone marks. Shipped inside node_modules, so PDFs and chart images never depend on fonts
 * installed on the host.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Family name the charts ask for (matches the TTF's internal name). */
export const REPORT_FONT_FAMILY = 'DejaVu Sans';

const require = createRequire(import.meta.url);
let fontDir: string | null = null;

/** Absolute path of a DejaVu TTF file, e.g. `DejaVuSans-Bold.ttf`. Throws naming the file when absent. */
export function reportFontPath(file: 'DejaVuSans.ttf' | 'DejaVuSans-Bold.ttf' | 'DejaVuSans-Oblique.ttf'): string {
  if (fontDir === null) fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const path = join(fontDir, file);
  if (!existsSync(path)) throw new Error(`Report font missing: ${path} (reinstall the dejavu-fonts-ttf package)`);
  return path;
}

/** The TTF files given to the SVG rasteriser. */
export function reportFontFiles(): string[] {
  return [reportFontPath('DejaVuSans.ttf'), reportFontPath('DejaVuSans-Bold.ttf')];
}
