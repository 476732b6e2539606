/** The RPC client's side of Kubo's admin commands added for issue 15's last wave (`log tail`) */
import type { AbortOptions, LogTailLine } from '@cairn/interface'
import type { Transport } from './transport.ts'

/** `log/tail`: go-log's JSON lines, one per log line, until `signal` aborts */
export async function * rpcLogTail (rpc: Transport, options: AbortOptions & { level?: string } = {}): AsyncGenerator<LogTailLine> {
  let pending = ''
  try {
    for await (const chunk of rpc.bytes('log/tail', { params: { 'log-level': options.level }, signal: options.signal })) {
      pending += Buffer.from(chunk).toString('utf8')
      let nl: number
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl)
        pending = pending.slice(nl + 1)
        if (line.trim() !== '') yield JSON.parse(line) as LogTailLine
      }
    }
  } catch (err) {
    // the caller's own abort (Ctrl-C, --timeout) ends the tail; anything else is an error
    if (options.signal?.aborted !== true) throw err
  }
}
