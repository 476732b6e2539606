/**
 * The TypeScript and JavaScript examples of the READMEs, as the doc tests and the packaging test
 * run them. A fenced block's info string says what it is:
 *
 *   ```ts runnable        a whole program: extracted, run, and its stdout compared with the
 *                          `text output` block that follows it (blank lines between allowed)
 *   ```text output        what the runnable block above prints, exactly; `<any>` stands for one
 *                          run-dependent word (a peer id, a port)
 *   ```ts signatures      declarations quoted as reference: not a program, never run
 *   ```js fragment        lines that need something outside the program (a daemon on the
 *                          default port): never run, and kept to what other tests cover
 *
 * Any other `ts`/`js` block is an error (`undocumentedBlocks`), so no example escapes the tests.
 * Runnable examples may import only `node:*`, `@cairn/*` and the runtime dependencies of the
 * `@cairn/*` packages they import (a reader's project would add those itself).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join, relative } from 'node:path'

export const ROOT = join(import.meta.dirname, '..')

export interface DocBlock {
  /** README path relative to the repo root */
  readme: string
  /** 1-based line of the opening fence */
  line: number
  lang: string
  kind: 'runnable' | 'signatures' | 'fragment' | 'other'
  code: string
  /** What a runnable block prints, when the README says */
  output?: string
}

/** The package folders that publish a README, root first */
export function readmes (): string[] {
  const out = ['README.md']
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(join(ROOT, group)).sort()) {
      if (existsSync(join(ROOT, group, name, 'README.md'))) out.push(join(group, name, 'README.md'))
    }
  }
  return out
}

const FENCE = /^(\s*)```(.*)$/

/** Every fenced block of one README, with runnable blocks paired with their `text output` */
export function blocksOf (readme: string): DocBlock[] {
  const lines = readFileSync(join(ROOT, readme), 'utf8').split('\n')
  const raw: Array<{ line: number, info: string[], code: string }> = []
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i])
    if (open == null) continue
    const indent = open[1].length
    const body: string[] = []
    let j = i + 1
    for (; j < lines.length && FENCE.exec(lines[j])?.[2].trim() !== ''; j++) body.push(lines[j].slice(indent))
    raw.push({ line: i + 1, info: open[2].trim().split(/\s+/).filter(Boolean), code: body.join('\n') + '\n' })
    i = j
  }
  const blocks: DocBlock[] = []
  for (let k = 0; k < raw.length; k++) {
    const { line, info, code } = raw[k]
    const lang = info[0] ?? ''
    if (lang === 'text' && info[1] === 'output') continue
    const kind = info.includes('runnable') ? 'runnable' : info.includes('signatures') ? 'signatures' : info.includes('fragment') ? 'fragment' : 'other'
    const next = raw[k + 1]
    const output = kind === 'runnable' && next?.info[0] === 'text' && next.info[1] === 'output' ? next.code : undefined
    blocks.push({ readme, line, lang, kind, code, output })
  }
  return blocks
}

export const isScript = (b: DocBlock): boolean => ['ts', 'typescript', 'js', 'javascript', 'mjs'].includes(b.lang)

/** Runnable examples of every README */
export function runnableBlocks (): DocBlock[] {
  return readmes().flatMap(blocksOf).filter(b => isScript(b) && b.kind === 'runnable')
}

/** `ts`/`js` blocks that say none of `runnable`, `signatures`, `fragment` */
export function undocumentedBlocks (): DocBlock[] {
  return readmes().flatMap(blocksOf).filter(b => isScript(b) && b.kind === 'other')
}

/** The package names a block imports (`node:` builtins left out), in order of appearance */
export function importsOf (code: string): string[] {
  const names = new Set<string>()
  for (const m of code.matchAll(/(?:^|\s)(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)|^import\s+'([^']+)'/gm)) {
    const spec = m[1] ?? m[2] ?? m[3]
    if (spec.startsWith('node:') || spec.startsWith('.')) continue
    const parts = spec.split('/')
    names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0])
  }
  return [...names]
}

/** A name for the block's file: `packages-dag-README-45` */
export function blockName (b: DocBlock): string {
  return `${b.readme.replace(/\/?README\.md$/, '').replace(/\//g, '-') || 'root'}-${b.line}`
}

/** True when `actual` is what the README says, `<any>` matching one word */
export function outputMatches (expected: string, actual: string): boolean {
  const pattern = expected.trimEnd().split('<any>').map(s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\S+')
  return new RegExp(`^${pattern}$`).test(actual.trimEnd())
}

export const where = (b: DocBlock): string => `${relative(ROOT, join(ROOT, b.readme))}:${b.line}`
