/** The command tree: Kubo's command names and flags, each action a few calls on `CairnApi` */
import { Command } from 'commander'
import { registerBlock } from './commands/block.ts'
import { registerCid } from './commands/cid.ts'
import { registerDaemon } from './commands/daemon.ts'
import { registerDag } from './commands/dag.ts'
import { registerFiles } from './commands/files.ts'
import { registerMfs } from './commands/mfs.ts'
import { registerIntrospection } from './commands/introspect.ts'
import { registerUnsupported } from './commands/unsupported.ts'
import { registerMisc } from './commands/misc.ts'
import { registerNetwork } from './commands/network.ts'
import { registerNames } from './commands/names.ts'
import { registerObject } from './commands/object.ts'
import { registerPin } from './commands/pin.ts'
import { registerPinningService } from './commands/pinning-service.ts'
import { registerRefs } from './commands/refs.ts'
import { registerRepo } from './commands/repo.ts'
import type { CliContext } from './context.ts'

const GLOBAL_OPTIONS_HELP = `
Global options (anywhere on the line):
  --enc=<text|json>   output encoding; json gives Kubo's RPC shapes
  --repo-dir <path>   the repo (default $CAIRN_PATH, else ~/.cairn)
  --api <multiaddr>   talk to this daemon instead of the repo's api file
  --offline           never use a running daemon
  --timeout <dur>     give up after a Go duration such as 30s
  -D, --debug         print stack traces with errors

Environment: CAIRN_PATH (the repo), CAIRN_API (a daemon's RPC multiaddr).`

export function createProgram (ctx: CliContext): Command {
  const program = new Command('cairn')
    .description('Cairn: a content-addressed storage node that speaks IPFS')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => { ctx.print.text(s, 'stdout') },
      writeErr: (s) => { ctx.print.text(s, 'stderr') },
      // errors are printed once, by main, in Kubo's one-line form
      outputError: () => {}
    })
    .showSuggestionAfterError(true)
    .allowExcessArguments(false)
    .addHelpText('after', GLOBAL_OPTIONS_HELP)

  registerMisc(program, ctx)
  registerDaemon(program, ctx)
  registerFiles(program, ctx)
  registerMfs(program, ctx)
  registerPin(program, ctx)
  registerPinningService(program, ctx)
  registerRepo(program, ctx)
  registerBlock(program, ctx)
  registerDag(program, ctx)
  registerRefs(program, ctx)
  registerCid(program, ctx)
  registerObject(program, ctx)
  registerNetwork(program, ctx)
  registerNames(program, ctx)
  registerUnsupported(program)
  // last: it reads the whole tree
  registerIntrospection(program, ctx)
  return program
}
