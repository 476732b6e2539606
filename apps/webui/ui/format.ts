/** Small display helpers shared by the views */

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']

/** 1536 → "1.5 KiB" */
export function formatBytes (n: number | bigint | string | undefined): string {
  let v = Number(n ?? 0)
  if (!Number.isFinite(v)) return '—'
  let unit = 0
  while (v >= 1024 && unit < UNITS.length - 1) { v /= 1024; unit++ }
  return `${unit === 0 ? v : v.toFixed(v < 10 ? 2 : 1)} ${UNITS[unit]}`
}

/** 3725 s → "1 h 2 min" */
export function formatDuration (seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  const d = Math.floor(s / 86400)
  const h = Math.floor((s % 86400) / 3600)
  const m = Math.floor((s % 3600) / 60)
  if (d > 0) return `${d} d ${h} h`
  if (h > 0) return `${h} h ${m} min`
  if (m > 0) return `${m} min ${s % 60} s`
  return `${s} s`
}

/** bafy…xyz: the ends of a long identifier */
export function shortId (id: string, keep = 6): string {
  return id.length <= keep * 2 + 1 ? id : `${id.slice(0, keep)}…${id.slice(-keep)}`
}

/** Joins MFS path parts: ('/a', 'b') → '/a/b' */
export function joinPath (dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`
}

/** The parent of an MFS path: '/a/b' → '/a' */
export function parentPath (path: string): string {
  const i = path.replace(/\/+$/, '').lastIndexOf('/')
  return i <= 0 ? '/' : path.slice(0, i)
}
