/**
 * Runs one README example as a program in a folder of its own, the way a reader would: a
 * `package.json` with `"type": "module"`, the example's file, and a `node_modules` that the caller
 * fills (symlinks into the workspace for the doc tests, a real install for the packaging test).
 */
import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ts from 'typescript'
import { blockName } from './doc-blocks.ts'
import type { DocBlock } from './doc-blocks.ts'

export interface RunResult { code: number | null, signal: NodeJS.Signals | null, stdout: string, stderr: string, ms: number }

/**
 * Plain JavaScript for a Node without type stripping (Node 20 and 22.0). TypeScript's own
 * transpiler: no type check, only erasure, so what runs is what the README shows.
 */
export function toJavaScript (code: string): string {
  return ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true }
  }).outputText
}

/** Writes the block into `dir` (as `.ts`, or as `.mjs` JavaScript when `javascript`) and returns the file */
export async function writeBlock (dir: string, block: DocBlock, javascript: boolean): Promise<string> {
  const file = join(dir, `${blockName(block)}${javascript ? '.mjs' : '.ts'}`)
  await writeFile(file, javascript ? toJavaScript(block.code) : block.code)
  return file
}

/** Runs `node [args] file` in `cwd`; kills it after `timeoutMs` */
export async function runNode (node: string, args: string[], cwd: string, timeoutMs: number, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
    const timer = setTimeout(() => { stderr += `\n[killed after ${timeoutMs} ms]`; child.kill('SIGKILL') }, timeoutMs)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started })
    })
  })
}

/**
 * A script that imports programs one after the other in one process (one Node start and one load
 * of the packages for many examples); `@@@ NAME` marks where each one's output starts. Names are
 * the arguments, files `./NAME${extension}` beside the script.
 */
export function runnerSource (extension: '.mjs' | '.ts'): string {
  return `for (const name of process.argv.slice(2)) {
  process.stdout.write('\\n@@@ ' + name + '\\n')
  try {
    await import('./' + name + '${extension}')
  } catch (err) {
    process.stdout.write('\\n@@@ ' + name + ' FAILED\\n' + (err?.stack ?? err) + '\\n')
  }
}
process.stdout.write('\\n@@@ end\\n', () => process.exit(0))
`
}

/** Each program's output from a runner's stdout, by name; a failed one's starts with `FAILED` */
export function splitOutput (stdout: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const part of stdout.split(/\n@@@ /).slice(1)) {
    const newline = part.indexOf('\n')
    const head = newline < 0 ? part : part.slice(0, newline)
    const body = newline < 0 ? '' : part.slice(newline + 1)
    const [name, failed] = head.split(' ')
    out.set(name, failed === 'FAILED' ? `FAILED\n${out.get(name) ?? ''}${body}` : body)
  }
  return out
}
