/**
 * The CLI README's "Every command" table stays true: every command of the program (each leaf of
 * the tree `cairn commands` prints) has a row, and every flag a row's example uses is one that
 * command takes. Read from the program itself, in-process.
 */
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Command } from 'commander'
import { createProgram } from '../src/program.ts'
import type { CliContext } from '../src/context.ts'

/** Leaf commands by path (`pin remote add`), hidden ones (Kubo's unsupported namespaces) included */
function leaves (cmd: Command, prefix: string[] = []): Map<string, Command> {
  const out = new Map<string, Command>()
  for (const sub of cmd.commands) {
    if (sub.name() === 'help') continue
    const path = [...prefix, sub.name()]
    if (sub.commands.length === 0) out.set(path.join(' '), sub)
    for (const [p, c] of leaves(sub, path)) out.set(p, c)
  }
  return out
}

test('every command has a row with an example whose flags the command takes', async () => {
  const readme = await readFile(join(import.meta.dirname, '..', 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('### Every command, one example each'))
  const rows = new Map<string, string>()
  for (const m of section.matchAll(/^\| `([^`]+)` \| [^|]+ \| `(.+)` \|$/gm)) rows.set(m[1], m[2].replaceAll('\\|', '|'))
  // commands are only registered here: no action runs, so no context is needed
  const program = createProgram({} as CliContext)
  const all = leaves(program)
  assert.ok(all.size > 150, `only ${all.size} commands found`)
  const problems: string[] = []
  for (const [path, cmd] of all) {
    const example = rows.get(path)
    if (example == null) { problems.push(`${path}: no row`); continue }
    if (!example.includes(`cairn ${path}`)) problems.push(`${path}: the example runs something else: ${example}`)
    const known = new Set(cmd.options.flatMap(o => [o.long, o.short]).filter(f => f != null))
    // the part of the example after the command: its own flags (a piped producer's are its own)
    const own = example.slice(example.indexOf(`cairn ${path}`) + `cairn ${path}`.length).split(/[|>]/)[0]
    for (const [, flag, value] of own.matchAll(/(?<=\s)(--?[a-zA-Z][\w-]*)(?:=(\S+))?/g)) {
      // Kubo's `--size=false` is the CLI's `--no-size`
      const negated = value === 'false' && known.has(flag.replace(/^--/, '--no-'))
      if (!known.has(flag) && !negated) problems.push(`${path}: ${flag} is not one of its flags`)
    }
  }
  assert.equal(problems, [])
})

test.run()
