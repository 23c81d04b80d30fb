import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file is `src/server/web-assets.ts`). */
const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Default folder of the built dashboard. */
export const DEFAULT_WEB_ROOT = join(REPO_ROOT, 'dashboards/web/dist');

/**
 * Make sure the dashboard bundle exists, building it with esbuild when `dist` lacks it
 * (a fresh checkout). Returns the folder to serve.
 */
export async function ensureWebAssets(webRoot: string = DEFAULT_WEB_ROOT, opts: { force?: boolean } = {}): Promise<string> {
  if (!opts.force && existsSync(join(webRoot, 'app.js')) && existsSync(join(webRoot, 'index.html'))) return webRoot;
  const { buildDashboard } = await import('./web-build.js');
  await buildDashboard({ outDir: webRoot });
  return webRoot;
}
