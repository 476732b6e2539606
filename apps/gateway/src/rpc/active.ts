/**
 * The commands an RPC server runs and ran lately (Kubo's `diag cmds`): each request from start to
 * end, kept for a while after it ends so a client can still see it (`diag cmds set-time`).
 */
import type { ActiveCommand } from '@cairn/interface'

/** Kubo keeps finished commands one minute by default */
export const DEFAULT_DIAG_KEEP_MS = 60_000
/** Bound on remembered finished commands, so a busy server's memory stays flat */
const MAX_FINISHED = 1024

export class ActiveCommands {
  private nextId = 1
  private readonly entries = new Map<number, ActiveCommand & { ended?: number }>()
  keepMs = DEFAULT_DIAG_KEEP_MS

  start (command: string, args: string[], options: Record<string, string>): () => void {
    const id = this.nextId++
    this.entries.set(id, { id, command, args, options, startTime: new Date().toISOString(), active: true })
    return () => {
      const e = this.entries.get(id)
      if (e == null) return
      e.active = false
      e.ended = Date.now()
      e.endTime = new Date(e.ended).toISOString()
      this.prune()
    }
  }

  list (): ActiveCommand[] {
    this.prune()
    return [...this.entries.values()].map(({ ended: _ended, ...e }) => e)
  }

  /** Forgets finished commands (Kubo's `diag cmds clear`) */
  clear (): void {
    for (const [id, e] of this.entries) if (!e.active) this.entries.delete(id)
  }

  private prune (): void {
    const now = Date.now()
    let finished = 0
    for (const [id, e] of [...this.entries].reverse()) {
      if (e.active) continue
      finished++
      if (now - (e.ended ?? now) > this.keepMs || finished > MAX_FINISHED) this.entries.delete(id)
    }
  }
}
