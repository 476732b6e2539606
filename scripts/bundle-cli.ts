/**
 * Bundles the compiled CLI (`apps/cli/dist/src/bin.js`, run `tsc -b` first) into
 * `apps/cli/dist/bundle/`, the `cairn` that `pnpm cairn`, `pnpm start` and `pnpm bench:cli` run.
 *
 * Why: a one-shot command spends most of its life loading modules. Node resolves, reads and links
 * each of the ~270 files an offline `cairn add` needs one by one (package.json lookups, symlinks
 * through pnpm's store), which costs more than everything the command then does. In one bundle
 * the same code loads in a few files. Dynamic imports stay split points (`--splitting`), so a
 * command still loads only what it uses: `version` no store, daemon-routed commands no libp2p,
 * offline commands no libp2p either.
 *
 * What stays outside: LevelDB's native binding (it finds its prebuild next to itself, so it cannot
 * move) and the QUIC and WebRTC transports (likewise), imported from where pnpm installed them; the CLI's own `createRequire`
 * loads resolve from `apps/cli/node_modules`, as in the unbundled build. The bundle is a workspace
 * build output, not published: `@cairn/cli`'s `bin` stays the module-by-module `dist/src/bin.js`.
 */
import { build } from 'esbuild'
import type { Plugin } from 'esbuild'
import { rm } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { COMPILED_BIN, ROOT } from './cli-entry.ts'

export const BUNDLE_DIR = join(ROOT, 'apps/cli/dist/bundle')

/**
 * LevelDB's native binding: `classic-level/binding.js` finds its prebuild next to itself
 * (`node-gyp-build(__dirname)`), so it is imported where pnpm installed it; the JavaScript above it
 * (`level`, `classic-level`, `abstract-level`...) is bundled
 */
const isNativeBinding = (path: string, importer: string): boolean => /^\.\/binding(\.js)?$/.test(path) && /[\\/]classic-level[\\/]/.test(importer)

/**
 * Transports whose native binaries (napi-rs, node-datachannel) are found relative to their own
 * files: imported where pnpm installed them, loaded only by an online node that listens on them
 */
const NATIVE_TRANSPORTS = /^(@chainsafe\/libp2p-quic|@libp2p\/webrtc)$/

/** Marks the native binding external, imported by its path relative to the bundle */
const installedExternals: Plugin = {
  name: 'installed-externals',
  setup (b) {
    // the Web UI's handler finds its built page next to itself (`apps/webui/dist/ui`): imported where it is
    b.onResolve({ filter: /^@cairn\/webui$/ }, async args => {
      if (args.pluginData === 'resolving') return undefined
      const resolved = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'resolving' })
      if (resolved.errors.length > 0) return { errors: resolved.errors }
      return { path: relative(BUNDLE_DIR, resolved.path).split('\\').join('/'), external: true }
    })
    b.onResolve({ filter: NATIVE_TRANSPORTS }, async args => {
      if (args.pluginData === 'resolving') return undefined
      const resolved = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'resolving' })
      if (resolved.errors.length > 0) return { errors: resolved.errors }
      const path = relative(BUNDLE_DIR, resolved.path).split('\\').join('/')
      return { path: path.startsWith('.') ? path : `./${path}`, external: true }
    })
    b.onResolve({ filter: /^\.\/binding(\.js)?$/ }, async args => {
      if (args.pluginData === 'resolving' || !isNativeBinding(args.path, args.importer)) return undefined
      const resolved = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'resolving' })
      if (resolved.errors.length > 0) return { errors: resolved.errors }
      const path = relative(BUNDLE_DIR, resolved.path).split('\\').join('/')
      return { path: path.startsWith('.') ? path : `./${path}`, external: true }
    })
  }
}

export async function bundleCli (): Promise<void> {
  await rm(BUNDLE_DIR, { recursive: true, force: true })
  await build({
    entryPoints: { bin: COMPILED_BIN },
    outdir: BUNDLE_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    // the published packages' own code, not the TypeScript sources
    conditions: ['import', 'node', 'default'],
    // CommonJS dependencies (commander, level's helpers) call require() for Node's builtins
    banner: { js: "import { createRequire as __cairnCreateRequire } from 'node:module'; const require = __cairnCreateRequire(import.meta.url);" },
    plugins: [installedExternals],
    legalComments: 'none',
    logLevel: 'warning'
  })
}

if (process.argv[1] != null && import.meta.filename === process.argv[1]) {
  await bundleCli()
  console.log(`bundled the CLI into ${relative(ROOT, BUNDLE_DIR)}/ (from ${relative(ROOT, dirname(COMPILED_BIN))})`)
}
