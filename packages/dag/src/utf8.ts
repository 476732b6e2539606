const textEncoder = new TextEncoder()

/** UTF-8 bytes of `text`; ASCII (nearly every file name) is copied in JS, cheaper than a trip into TextEncoder */
export function utf8 (text: string): Uint8Array {
  const len = text.length
  const out = new Uint8Array(len)
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x80) return textEncoder.encode(text)
    out[i] = c
  }
  return out
}
