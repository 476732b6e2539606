/**
 * Shared pieces of `pnpm bench:add` and `pnpm bench:cat`: the deterministic input file, child
 * processes (one per variant, so each has its own peak RSS) and the table.
 */
import { spawn } from 'node:child_process'
import { createCipheriv } from 'node:crypto'
import { open, stat } from 'node:fs/promises'

export const MiB = 1024 * 1024

/** Deterministic bytes: AES-256-CTR keystream with a fixed key, fast and incompressible */
export async function writeDeterministicFile (path: string, bytes: number): Promise<void> {
  try {
    if ((await stat(path)).size === bytes) return
  } catch {}
  const cipher = createCipheriv('aes-256-ctr', Buffer.alloc(32, 7), Buffer.alloc(16, 0))
  const fh = await open(path, 'w')
  try {
    const zeros = Buffer.alloc(8 * MiB)
    for (let done = 0; done < bytes; done += zeros.length) {
      const n = Math.min(zeros.length, bytes - done)
      await fh.write(cipher.update(zeros.subarray(0, n)))
    }
  } finally {
    await fh.close()
  }
}

/** Deterministic small files: sizes 1-4 KiB from a counter, bytes from the same keystream */
export function smallFiles (count: number): Array<{ path: string, content: Uint8Array }> {
  const cipher = createCipheriv('aes-256-ctr', Buffer.alloc(32, 9), Buffer.alloc(16, 0))
  const out: Array<{ path: string, content: Uint8Array }> = []
  for (let i = 0; i < count; i++) {
    const size = 1024 + ((i * 2654435761) >>> 0) % (3 * 1024 + 1)
    out.push({ path: `small/file-${String(i).padStart(5, '0')}.bin`, content: cipher.update(Buffer.alloc(size)) })
  }
  return out
}

export interface ChildResult {
  /** Seconds the measured work took */
  seconds: number
  /** Peak resident set of the child, in MiB */
  rssMb: number
  /** The root CID produced or read, for a sanity check across variants */
  cid?: string
  [key: string]: unknown
}

/** Run `script --child <variant> ...args` in a fresh Node with the workspace's development sources */
export async function runChild (script: string, variant: string, args: string[]): Promise<ChildResult> {
  return await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=development', script, '--child', variant, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => { out += d.toString() })
    child.on('error', reject)
    child.on('close', code => {
      const line = out.trim().split('\n').pop() ?? ''
      if (code !== 0) { reject(new Error(`${variant} exited with ${String(code)}: ${out}`)); return }
      try { resolve(JSON.parse(line) as ChildResult) } catch (err) { reject(new Error(`${variant} printed no result: ${out}`, { cause: err })) }
    })
  })
}

/** Called by a child when done: one JSON line with the timing and its own peak RSS */
export function report (result: Omit<ChildResult, 'rssMb'>): void {
  process.stdout.write(JSON.stringify({ ...result, rssMb: process.resourceUsage().maxRSS / 1024 }) + '\n')
}

export function table (rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)))
  return rows.map(r => r.map((c, i) => i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])).join('  ')).join('\n')
}
