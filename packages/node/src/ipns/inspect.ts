/** `name inspect`: the fields of a record, its size and signature kind, and a check against a name */
import { InvalidRecordError } from '@cairn/interface'
import { unmarshalIPNSRecord } from 'ipns'
import { parseIpnsName } from './name.ts'
import { validateIpnsRecord } from './validator.ts'
import type { IpnsInspectResult } from '@cairn/interface'

/** Go's `encoding/hex.Dump` layout: offset, 16 bytes in two groups of 8, and the printable text */
export function hexDump (bytes: Uint8Array): string {
  let out = ''
  for (let offset = 0; offset < bytes.length; offset += 16) {
    const row = bytes.subarray(offset, offset + 16)
    let hex = ''
    for (let i = 0; i < 16; i++) {
      hex += i < row.length ? row[i].toString(16).padStart(2, '0') + ' ' : '   '
      if (i === 7) hex += ' '
    }
    const text = Array.from(row, b => b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : '.').join('')
    out += `${offset.toString(16).padStart(8, '0')}  ${hex} |${text}|\n`
  }
  return out
}

export async function inspectRecord (bytes: Uint8Array, options: { verify?: string, dump?: boolean } = {}): Promise<IpnsInspectResult> {
  let record
  try {
    record = unmarshalIPNSRecord(bytes)
  } catch (err) {
    throw new InvalidRecordError(`record is malformed: ${(err as Error).message}`, { cause: err })
  }
  const result: IpnsInspectResult = {
    entry: {
      value: record.value,
      validityType: Number(record.validityType),
      validity: record.validity,
      sequence: record.sequence,
      ttl: record.ttl
    },
    pbSize: bytes.byteLength,
    signatureType: 'signatureV1' in record && record.signatureV1 != null ? 'V1+V2' : record.data != null ? 'V2' : 'Unknown'
  }
  if (options.verify != null) {
    const name = parseIpnsName(options.verify)
    result.validation = { valid: true, reason: '', name: name.cid }
    try {
      await validateIpnsRecord(name.routingKey, bytes)
    } catch (err) {
      result.validation.valid = false
      result.validation.reason = (err as Error).message
    }
  }
  if (options.dump !== false) result.hexDump = hexDump(bytes)
  return result
}
