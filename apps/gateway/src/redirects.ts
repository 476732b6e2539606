import { StatusError } from './errors.ts'

/** The web redirects file (`_redirects` at a site's root), as specs.ipfs.tech/http-gateways/web-redirects-file */
export interface RedirectRule {
  from: string
  to: string
  status: number
}

/** Larger `_redirects` files are refused, as the spec asks (a bound on per-request work) */
export const MAX_REDIRECTS_FILE_BYTES = 64 * 1024
const STATUSES = new Set([200, 301, 302, 303, 307, 308, 404, 410, 451])

const unparsable = (why: string): StatusError => new StatusError(500, `could not parse _redirects: ${why}`)

/** Parses a `_redirects` file; a malformed one is a 500 that says which line is wrong (Kubo's wording) */
export function parseRedirects (text: string): RedirectRule[] {
  const rules: RedirectRule[] = []
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (line === '' || line.startsWith('#')) continue
    const fields = line.split(/\s+/)
    if (fields.length < 2 || fields.length > 3) throw unparsable(`line ${i + 1}: expected "from to [status]"`)
    const [from, to, statusText] = fields
    if (!from.startsWith('/')) throw unparsable(`line ${i + 1}: "from" must start with /`)
    if (!to.startsWith('/') && !/^https?:\/\//.test(to)) throw unparsable(`line ${i + 1}: "to" must be a path or an http(s) URL`)
    let status = 301
    if (statusText != null) {
      // rules only ever apply to missing paths, so a forced rule cannot mean what it says
      if (statusText.endsWith('!')) throw unparsable(`line ${i + 1}: forced redirects (or "shadowing") are not supported`)
      if (!/^\d{3}$/.test(statusText) || !STATUSES.has(Number(statusText))) throw unparsable(`line ${i + 1}: unsupported redirect status "${statusText.slice(0, 10)}"`)
      status = Number(statusText)
    }
    rules.push({ from, to, status })
  }
  return rules
}

/** The first rule matching `path`, with `:placeholders` and `:splat` substituted into its target */
export function matchRedirect (rules: RedirectRule[], path: string): { to: string, status: number } | undefined {
  const segments = path.split('/').filter(s => s !== '')
  for (const rule of rules) {
    const pattern = rule.from.split('/').filter(s => s !== '')
    const values: Record<string, string> = {}
    let matched = true
    for (let i = 0; i < pattern.length; i++) {
      const p = pattern[i]
      if (p === '*' && i === pattern.length - 1) {
        values.splat = segments.slice(i).join('/')
        break
      }
      const s = segments[i]
      if (s == null) { matched = false; break }
      if (p.startsWith(':')) values[p.slice(1)] = s
      else if (p !== s) { matched = false; break }
      if (i === pattern.length - 1 && segments.length !== pattern.length) matched = false
    }
    if (pattern.length === 0 && segments.length !== 0) matched = false
    if (!matched) continue
    const to = rule.to.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name: string) => values[name] ?? whole)
    return { to, status: rule.status }
  }
  return undefined
}
