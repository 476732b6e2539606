/** `config profile apply` text: the keys a profile changes, one `-`/`+` line each, as a diff reads */

/**
 * Kubo's profile names (the CLI shows them in help without loading the node); `@cairn/node`'s
 * PROFILES is the one that applies them and refuses any other name
 */
export const PROFILE_NAMES: Readonly<Record<string, true>> = {
  server: true,
  'local-discovery': true,
  test: true,
  'default-networking': true,
  lowpower: true,
  randomports: true,
  'unixfs-v0-2015': true,
  'legacy-cid-v0': true,
  'unixfs-v1-2025': true
}

function flatten (value: unknown, prefix: string, out: Map<string, string>): void {
  if (value != null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix === '' ? k : `${prefix}.${k}`, out)
    return
  }
  out.set(prefix, JSON.stringify(value))
}

export function configDiff (before: unknown, after: unknown): string[] {
  const a = new Map<string, string>()
  const b = new Map<string, string>()
  flatten(before, '', a)
  flatten(after, '', b)
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort()
  const lines: string[] = []
  for (const key of keys) {
    if (a.get(key) === b.get(key)) continue
    if (a.has(key)) lines.push(`- ${key}: ${a.get(key)}`)
    if (b.has(key)) lines.push(`+ ${key}: ${b.get(key)}`)
  }
  return lines
}
