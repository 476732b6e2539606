import mime from 'mime-types'

const startsWith = (bytes: Uint8Array, sig: number[], offset = 0): boolean =>
  bytes.length >= offset + sig.length && sig.every((b, i) => bytes[offset + i] === b)

const ascii = (s: string): number[] => [...s].map(c => c.charCodeAt(0))

/** Magic numbers, in the order Go's `http.DetectContentType` tries them (a useful subset) */
const SIGNATURES: Array<{ sig: number[], offset?: number, type: string }> = [
  { sig: ascii('%PDF-'), type: 'application/pdf' },
  { sig: ascii('%!PS-Adobe-'), type: 'application/postscript' },
  { sig: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: 'image/png' },
  { sig: [0xff, 0xd8, 0xff], type: 'image/jpeg' },
  { sig: ascii('GIF87a'), type: 'image/gif' },
  { sig: ascii('GIF89a'), type: 'image/gif' },
  { sig: ascii('BM'), type: 'image/bmp' },
  { sig: ascii('WEBPVP'), offset: 8, type: 'image/webp' },
  { sig: [0x00, 0x00, 0x01, 0x00], type: 'image/x-icon' },
  { sig: ascii('OggS\x00'), type: 'application/ogg' },
  { sig: ascii('ID3'), type: 'audio/mpeg' },
  { sig: ascii('fLaC'), type: 'audio/flac' },
  { sig: ascii('ftyp'), offset: 4, type: 'video/mp4' },
  { sig: [0x1a, 0x45, 0xdf, 0xa3], type: 'video/webm' },
  { sig: [0x1f, 0x8b, 0x08], type: 'application/x-gzip' },
  { sig: ascii('PK\x03\x04'), type: 'application/zip' },
  { sig: ascii('Rar!\x1a\x07'), type: 'application/x-rar-compressed' },
  { sig: [0x00, 0x61, 0x73, 0x6d], type: 'application/wasm' },
  { sig: ascii('wOFF'), type: 'font/woff' },
  { sig: ascii('wOF2'), type: 'font/woff2' }
]

const HTML_TAGS = ['<!doctype html', '<html', '<head', '<script', '<iframe', '<h1', '<div', '<font', '<table', '<a', '<style', '<title', '<b', '<body', '<br', '<p', '<!--']

/** True when `bytes` holds no control bytes that text never has (Go's "binary data byte" set) */
function looksLikeText (bytes: Uint8Array): boolean {
  for (const b of bytes) {
    if (b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) return false
  }
  return true
}

/** Guesses a media type from the first bytes, as browsers and Go's `http.DetectContentType` do */
export function sniffContentType (bytes: Uint8Array): string {
  for (const { sig, offset, type } of SIGNATURES) {
    if (startsWith(bytes, sig, offset ?? 0)) return type
  }
  if (bytes.length >= 12 && startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WAVE'), 8)) return 'audio/wave'
  // text-ish formats: skip leading whitespace as the sniffing spec does
  let start = 0
  while (start < bytes.length && [0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(bytes[start])) start++
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(start, start + 64)).toLowerCase()
  if (HTML_TAGS.some(tag => head.startsWith(tag) && /[ >]/.test(head.charAt(tag.length) || '>'))) return 'text/html; charset=utf-8'
  if (head.startsWith('<?xml')) return head.includes('<svg') ? 'image/svg+xml' : 'text/xml; charset=utf-8'
  if (head.startsWith('<svg')) return 'image/svg+xml'
  if (bytes.length === 0 || looksLikeText(bytes)) return 'text/plain; charset=utf-8'
  return 'application/octet-stream'
}

/** Content type from the file name's extension, or `undefined` when it says nothing */
export function contentTypeFromName (name: string): string | undefined {
  if (name === '' || !name.includes('.')) return undefined
  const type = mime.lookup(name)
  if (type === false) return undefined
  // as Go's mime table: a charset on text types only (`application/json` stays bare)
  return type.startsWith('text/') ? `${type}; charset=utf-8` : type
}
