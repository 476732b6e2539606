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

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const JSON_WHITESPACE = new Set([' ', '\t', '\n', '\r'])

/**
 * Whether `text` is a JSON object or array, or, when `truncated`, the start of one: what
 * boxo's content sniffing (gabriel-vasile/mimetype) calls `application/json`. Bare strings,
 * numbers and literals stay text, as there.
 */
export function looksLikeJson (text: string, truncated: boolean): boolean {
  const stack: string[] = []
  // what may come next: a value, an object key, ':', ',' or a close, or nothing at all
  let expect: 'value' | 'key' | 'colon' | 'comma' | 'end' = 'value'
  // right after '[' or '{' the container may close at once
  let mayClose = false
  let i = 0
  /** Index after a string starting at i, or -1 when it runs past the end */
  const skipString = (): number => {
    for (let j = i + 1; j < text.length; j++) {
      const c = text[j]
      if (c === '\\') {
        j++
        continue
      }
      if (c === '"') return j + 1
      if (c < ' ') return -2
    }
    return -1
  }
  while (true) {
    while (i < text.length && JSON_WHITESPACE.has(text[i])) i++
    if (i >= text.length) return expect === 'end' || (truncated && stack.length > 0)
    const c = text[i]
    if (expect === 'end') return false
    if (expect === 'colon') {
      if (c !== ':') return false
      i++
      expect = 'value'
      mayClose = false
      continue
    }
    if (expect === 'comma') {
      const top = stack.at(-1)
      if (c === ',') {
        i++
        expect = top === '{' ? 'key' : 'value'
        mayClose = false
        continue
      }
      if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        stack.pop()
        i++
        expect = stack.length === 0 ? 'end' : 'comma'
        continue
      }
      return false
    }
    if (mayClose && ((c === '}' && stack.at(-1) === '{') || (c === ']' && stack.at(-1) === '['))) {
      stack.pop()
      i++
      mayClose = false
      expect = stack.length === 0 ? 'end' : 'comma'
      continue
    }
    if (expect === 'key') {
      if (c !== '"') return false
      const end = skipString()
      if (end === -1) return truncated
      if (end < 0) return false
      i = end
      expect = 'colon'
      continue
    }
    // a value; the document itself must be an object or an array
    if (c === '{' || c === '[') {
      stack.push(c)
      i++
      expect = c === '{' ? 'key' : 'value'
      mayClose = true
      continue
    }
    if (stack.length === 0) return false
    mayClose = false
    if (c === '"') {
      const end = skipString()
      if (end === -1) return truncated
      if (end < 0) return false
      i = end
      expect = stack.length === 0 ? 'end' : 'comma'
      continue
    }
    NUMBER.lastIndex = i
    const number = NUMBER.exec(text)
    if (number != null) {
      i += number[0].length
      if (i >= text.length) return truncated
      expect = stack.length === 0 ? 'end' : 'comma'
      continue
    }
    const literal = ['true', 'false', 'null'].find(l => text.startsWith(l, i))
    if (literal != null) {
      i += literal.length
      expect = stack.length === 0 ? 'end' : 'comma'
      continue
    }
    return truncated && ['true', 'false', 'null'].some(l => l.startsWith(text.slice(i)))
  }
}

/**
 * Guesses a media type from the first bytes, as browsers and Go's `http.DetectContentType` do,
 * and JSON as boxo does. `truncated`: `bytes` are only the start of the content.
 */
export function sniffContentType (bytes: Uint8Array, truncated = false): string {
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
  if (bytes.length === 0) return 'text/plain; charset=utf-8'
  if (looksLikeText(bytes)) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
    return looksLikeJson(text, truncated) ? 'application/json' : 'text/plain; charset=utf-8'
  }
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
