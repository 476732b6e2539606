import type { CID } from 'multiformats/cid'

export interface ListingEntry {
  name: string
  cid: CID
  size: number
  type: string
}

export interface ListingInit {
  /** The content path shown as the title, e.g. `/ipfs/bafy.../docs` */
  path: string
  /** The root CID's text and the decoded segments below it, for the breadcrumb links */
  root?: string
  segments?: string[]
  /** URL path of this directory as requested, with its trailing slash: links are absolute, as Kubo's */
  base?: string
  /** URL path of the root: `/ipfs/<cid>` on a path gateway, empty on a subdomain gateway */
  rootBase?: string
  /** The directory's CID */
  cid: CID
  entries: ListingEntry[]
  /** Whether to offer a link to the parent directory */
  hasParent: boolean
  /** Where `/ipfs/<cid>` links point; undefined on subdomain gateways, where paths are relative to the CID */
  ipfsBase?: string
  /** Set when the listing was cut at the entry limit */
  truncatedAt?: number
}

export function escapeHtml (s: string): string {
  return s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

export function formatBytes (n: number): string {
  if (n < 1024) return `${n} B`
  const units = ['KiB', 'MiB', 'GiB', 'TiB']
  let v = n / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++ }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`
}

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
header{background:#0b3a53;color:#fff;padding:14px 24px}header a{color:#9ad9f0;text-decoration:none}
main{max-width:960px;margin:24px auto;padding:0 16px}
h1{font-size:17px;font-weight:600;margin:0;word-break:break-all}
.cid,.ipfs-hash{font:12px ui-monospace,Menlo,Consolas,monospace;color:#6b7385;word-break:break-all}
table{width:100%;border-collapse:collapse;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
th,td{text-align:left;padding:8px 12px;border-bottom:1px solid #eceef2}th{font-size:12px;color:#6b7385;text-transform:uppercase}
td.size{text-align:right;white-space:nowrap;color:#3c4455}th.size{text-align:right}
a{color:#0a6fa3}tr:hover td{background:#f0f7fb}.note{color:#6b7385;font-size:13px;margin-top:8px}
h1 a{color:#fff;text-decoration:none}h1 a:hover{text-decoration:underline}
svg.i{width:16px;height:16px;vertical-align:-3px;margin-right:8px}
`

// inline icons: emoji depend on the reader's fonts, SVG does not
const FOLDER = '<svg class="i" viewBox="0 0 16 16" aria-hidden="true"><path fill="#e0a526" d="M1 3.5A1.5 1.5 0 0 1 2.5 2h3.6l1.6 1.8h5.8A1.5 1.5 0 0 1 15 5.3v7.2a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 1 12.5z"/></svg>'
const FILE = '<svg class="i" viewBox="0 0 16 16" aria-hidden="true"><path fill="#8a94a6" d="M3.5 1h6L13 4.5v9a1.5 1.5 0 0 1-1.5 1.5h-8A1.5 1.5 0 0 1 2 13.5v-11A1.5 1.5 0 0 1 3.5 1z"/><path fill="#c9cfd9" d="M9.5 1v3.5H13z"/></svg>'

/** `/ipfs/<a>cid</a>/<a>a</a>/<a>b</a>`, each part linking to its directory, in Kubo's markup */
function breadcrumbs (init: ListingInit): string {
  if (init.root == null || init.segments == null || init.rootBase == null) return escapeHtml(init.path)
  const parts = [`<a href="${escapeHtml(init.rootBase === '' ? '/' : init.rootBase)}">${escapeHtml(init.root)}</a>`]
  let href = init.rootBase
  for (const segment of init.segments) {
    href += '/' + encodeURIComponent(segment)
    parts.push(`<a href="${escapeHtml(href)}">${escapeHtml(segment)}</a>`)
  }
  return `/ipfs/${parts.join('/')}`
}

/** A directory listing that a person can read: names, sizes, CIDs and a link up */
export function renderListing (init: ListingInit): string {
  const rows: string[] = []
  if (init.hasParent) {
    rows.push(`<tr><td>${FOLDER}<a href="${escapeHtml(init.base != null ? `${init.base}..` : '../')}">..</a></td><td></td><td class="size"></td></tr>`)
  }
  for (const e of init.entries) {
    const isDir = e.type === 'directory'
    const href = (init.base ?? '') + encodeURIComponent(e.name)
    const cid = e.cid.toString()
    // Kubo's markup: the name travels path-escaped inside the `filename` parameter
    const cidCell = init.ipfsBase != null
      ? `<a class="ipfs-hash" translate="no" href="${escapeHtml(`${init.ipfsBase}/ipfs/${cid}?filename=${encodeURIComponent(encodeURIComponent(e.name))}`)}">${cid}</a>`
      : `<span class="ipfs-hash" translate="no">${cid}</span>`
    rows.push(`<tr><td>${isDir ? FOLDER : FILE}<a href="${escapeHtml(href)}">${escapeHtml(e.name)}</a></td><td>${cidCell}</td><td class="size">${isDir ? '' : formatBytes(e.size)}</td></tr>`)
  }
  const note = init.truncatedAt != null ? `<p class="note">Showing the first ${init.truncatedAt} entries.</p>` : ''
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(init.segments != null && init.root != null ? ['/ipfs', init.root, ...init.segments].join('/') : init.path)}</title><style>${STYLE}</style></head>
<body><header><h1>Index of ${breadcrumbs(init)}</h1><div class="cid">${init.cid.toString()}</div></header>
<main><table><thead><tr><th>Name</th><th>CID</th><th class="size">Size</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>${note}<p class="note">${init.entries.length} ${init.entries.length === 1 ? 'entry' : 'entries'} · served by Cairn</p></main></body></html>
`
}

/** A DAG-JSON/DAG-CBOR document for a person: indented DAG-JSON with `{"/": cid}` links made clickable */
export function renderDagPage (cid: CID, prettyJson: string, ipfsBase: string): string {
  const body = escapeHtml(prettyJson).replace(/(&quot;\/&quot;: &quot;)([a-z0-9]+)(&quot;)/gi,
    (_m, before: string, link: string, after: string) => `${before}<a href="${escapeHtml(`${ipfsBase}/ipfs/${link}/`)}">${link}</a>${after}`)
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${cid.toString()}</title><style>${STYLE}pre{background:#fff;padding:16px;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.08);overflow:auto;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace}</style></head>
<body><header><h1>${cid.code === 0x71 ? 'DAG-CBOR' : 'DAG-JSON'} document</h1><div class="cid">${cid.toString()}</div></header>
<main><pre>${body}</pre><p class="note">Shown as DAG-JSON · <a href="?format=${cid.code === 0x71 ? 'dag-cbor' : 'dag-json'}&amp;download=true">download the block</a> · served by Cairn</p></main></body></html>
`
}
