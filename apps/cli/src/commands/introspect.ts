/** `commands` (with `--flags`) and `commands completion bash|zsh|fish`, read from the command tree */
import type { Command, Option } from 'commander'
import type { CliContext } from '../context.ts'

/** Kubo's `Command` JSON: a name, its option names, its subcommands */
export interface CommandInfo {
  Name: string
  Subcommands: CommandInfo[]
  Options: Array<{ Names: string[] }>
}

/** `--size-only` / `-s` → ['size-only', 's'], as Kubo's `opt.Names()` */
function optionNames (o: Option): string[] {
  return [o.long?.replace(/^--/, ''), o.short?.replace(/^-/, '')].filter((n): n is string => n != null && n !== '')
}

export function commandInfo (cmd: Command, name = cmd.name()): CommandInfo {
  return {
    Name: name,
    Subcommands: cmd.commands.filter(c => c.name() !== 'help').map(c => commandInfo(c)),
    Options: cmd.options.map(o => ({ Names: optionNames(o) }))
  }
}

/** Kubo's text: every command path (and with `flags`, each option on its own line), sorted */
export function commandPaths (info: CommandInfo, showOptions: boolean): string[] {
  const out: string[] = []
  const recurse = (prefix: string, c: CommandInfo): void => {
    const path = prefix + c.Name
    out.push(path)
    if (prefix !== '' && showOptions) {
      for (const o of c.Options) out.push(o.Names.map(n => `${path} ${n.length === 1 ? '-' : '--'}${n}`).join(' / '))
    }
    for (const s of c.Subcommands) recurse(path + ' ', s)
  }
  recurse('', info)
  return out.sort()
}

/** Words to offer after each command path (subcommands, then long options) */
function completionTable (info: CommandInfo): Map<string, string[]> {
  const table = new Map<string, string[]>()
  const walk = (path: string[], c: CommandInfo): void => {
    table.set(path.join(' '), [...c.Subcommands.map(s => s.Name), ...c.Options.flatMap(o => o.Names.filter(n => n.length > 1).map(n => `--${n}`))])
    for (const s of c.Subcommands) walk([...path, s.Name], s)
  }
  walk([], info)
  return table
}

const quote = (s: string): string => `'${s.replaceAll("'", "'\\''")}'`

export function bashCompletion (info: CommandInfo): string {
  const lines = [
    `# bash completion for ${info.Name}: source this file, or put it in /etc/bash_completion.d`,
    `_${info.Name.replace(/\W/g, '_')}_complete() {`,
    '  local cur="${COMP_WORDS[COMP_CWORD]}" path="" word i',
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    word="${COMP_WORDS[i]}"',
    '    [[ "$word" == -* ]] && continue',
    '    path="${path:+$path }$word"',
    '  done',
    '  local words',
    '  case "$path" in'
  ]
  for (const [path, words] of completionTable(info)) lines.push(`    ${quote(path)}) words=${quote(words.join(' '))} ;;`)
  lines.push('    *) words="" ;;', '  esac', '  COMPREPLY=($(compgen -W "$words" -- "$cur"))', '}',
    `complete -o default -F _${info.Name.replace(/\W/g, '_')}_complete ${info.Name}`, '')
  return lines.join('\n')
}

/** zsh runs the bash completion through its bashcompinit layer */
export function zshCompletion (info: CommandInfo): string {
  return [`#compdef ${info.Name}`, 'autoload -U +X bashcompinit && bashcompinit', bashCompletion(info)].join('\n')
}

export function fishCompletion (info: CommandInfo): string {
  const lines = [`# fish completion for ${info.Name}: save as ~/.config/fish/completions/${info.Name}.fish`]
  const walk = (path: string[], c: CommandInfo): void => {
    const condition = path.length === 0 ? '__fish_use_subcommand' : `__fish_seen_subcommand_from ${path.at(-1)!}`
    for (const s of c.Subcommands) lines.push(`complete -c ${info.Name} -f -n ${quote(condition)} -a ${quote(s.Name)}`)
    for (const o of c.Options) {
      const long = o.Names.find(n => n.length > 1)
      const short = o.Names.find(n => n.length === 1)
      if (long == null && short == null) continue
      lines.push(`complete -c ${info.Name} -n ${quote(condition)}${long != null ? ` -l ${long}` : ''}${short != null ? ` -s ${short}` : ''}`)
    }
    for (const s of c.Subcommands) walk([...path, s.Name], s)
  }
  walk([], info)
  return lines.join('\n') + '\n'
}

export function registerIntrospection (program: Command, ctx: CliContext): void {
  const commands = program.command('commands')
    .description('List all available commands')
    .option('-f, --flags', 'show command flags')
    .action((flags: { flags?: boolean }) => {
      const info = commandInfo(program)
      if (ctx.print.enc === 'json') ctx.print.json(info)
      else for (const line of commandPaths(info, flags.flags === true)) ctx.print.line(line)
    })
  const completion = commands.command('completion').description('Generate shell completions')
  const shells: Record<string, (info: CommandInfo) => string> = { bash: bashCompletion, zsh: zshCompletion, fish: fishCompletion }
  for (const [shell, generate] of Object.entries(shells)) {
    completion.command(shell)
      .description(`Generate ${shell} shell completions`)
      .action(() => { ctx.print.text(generate(commandInfo(program)), 'stdout') })
  }
}
