/** One satisfiable byte range, both ends inclusive, as RFC 9110 §14.1.2 counts them */
export interface ByteRange {
  start: number
  end: number
}

/**
 * Reads a `Range` header against a resource of `size` bytes.
 * Returns `undefined` when the header should be ignored (absent, not `bytes=`, malformed: RFC 9110
 * lets a server answer those with the whole resource), `'unsatisfiable'` when it asks only for
 * bytes past the end (416), or the range. Of several ranges only the first is served (a 206 with
 * one `Content-Range`, which the HTTP semantics and the gateway conformance suite allow).
 */
export function parseRange (header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  // clients that put a Range on every request get an empty file whole (200), not a 416, as Go's
  // http.ServeContent and so Kubo answer
  if (header == null || size === 0) return undefined
  const unit = /^\s*bytes\s*=(.*)$/i.exec(header)
  if (unit == null) return undefined
  const match = /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(unit[1].split(',')[0])
  if (match == null) return undefined
  const [, first, last] = match
  if (first === '' && last === '') return undefined
  if (first === '') {
    // suffix range: the last N bytes
    const suffix = Number(last)
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(first)
  const end = last === '' ? size - 1 : Number(last)
  if (last !== '' && end < start) return undefined
  if (start >= size) return 'unsatisfiable'
  return { start, end: Math.min(end, size - 1) }
}
