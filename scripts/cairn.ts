/**
 * `pnpm cairn ARGS`: runs the CLI in this process, bundled or compiled when the build is current (see
 * `cli-entry.ts`), else from source with the `development` export condition added to resolution.
 */
import { registerHooks } from 'node:module'
import { pathToFileURL } from 'node:url'
import { SOURCE_BIN, compiledBin } from './cli-entry.ts'

const bin = compiledBin()
if (bin != null) {
  await import(pathToFileURL(bin).href)
} else {
  // what `--conditions=development` does on the command line, for imports from here on
  registerHooks({
    resolve: (specifier, context, next) => next(specifier, { ...context, conditions: ['development', ...context.conditions] })
  })
  await import(pathToFileURL(SOURCE_BIN).href)
}
