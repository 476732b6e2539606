/**
 * Builds the Web UI (`apps/webui/ui/`, Preact + TSX) into `apps/webui/dist/ui/`: one minified
 * `app.js`, one `app.css` and `index.html`, which `@cairn/webui` serves at `/webui` on the RPC
 * listener. Run by `pnpm install` (prepare), `pnpm build` and `pnpm test`; everything comes from
 * the npm registry (esbuild, preact), nothing from a CDN. About half a second.
 */
import { build } from 'esbuild'
import { copyFile, mkdir, rm } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
const UI = join(ROOT, 'apps/webui/ui')
export const WEBUI_OUT = join(ROOT, 'apps/webui/dist/ui')

export async function buildWebui (): Promise<void> {
  await rm(WEBUI_OUT, { recursive: true, force: true })
  await mkdir(WEBUI_OUT, { recursive: true })
  await build({
    entryPoints: { app: join(UI, 'main.tsx') },
    outdir: WEBUI_OUT,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome111', 'firefox115', 'safari16.4'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: join(ROOT, 'apps/webui')
  })
  await build({
    entryPoints: { app: join(UI, 'styles.css') },
    outdir: WEBUI_OUT,
    bundle: true,
    minify: true,
    logLevel: 'warning'
  })
  await copyFile(join(UI, 'index.html'), join(WEBUI_OUT, 'index.html'))
}

if (process.argv[1] != null && import.meta.filename === process.argv[1]) {
  await buildWebui()
  console.log(`built the Web UI into ${relative(ROOT, WEBUI_OUT)}/`)
}
