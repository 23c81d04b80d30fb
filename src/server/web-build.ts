import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB_DIR = resolve(fileURLToPath(new URL('../../dashboards/web', import.meta.url)));

/**
 * Bundle the dashboard (TypeScript + ECharts from node_modules) into one minified `app.js` and
 * copy the static files beside it. Every asset is local: agency networks are often closed.
 * esbuild ships with tsx, so no extra dependency is needed.
 * @example
 * await buildDashboard({ outDir: 'dashboards/web/dist' });
 */
export async function buildDashboard(opts: { outDir: string; minify?: boolean }): Promise<void> {
  const { build } = await import('esbuild');
  mkdirSync(opts.outDir, { recursive: true });
  await build({
    entryPoints: [join(WEB_DIR, 'src/main.ts')],
    bundle: true,
    format: 'iife',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    minify: opts.minify ?? true,
    sourcemap: false,
    legalComments: 'none',
    outfile: join(opts.outDir, 'app.js'),
    logLevel: 'warning',
  });
  const publicDir = join(WEB_DIR, 'public');
  for (const file of readdirSync(publicDir)) copyFileSync(join(publicDir, file), join(opts.outDir, file));
}

/** `npm run build:web`. */
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2] ?? join(WEB_DIR, 'dist');
  buildDashboard({ outDir }).then(
    () => process.stdout.write(`dashboard built into ${outDir}\n`),
    (err: Error) => {
      process.stderr.write(`dashboard build failed: ${err.message}\n`);
      process.exit(1);
    },
  );
}
