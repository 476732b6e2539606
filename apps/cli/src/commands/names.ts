/** `key`, `name`, `resolve` and `dns`: keys and mutable names, with Kubo's flags and output lines */
import { readFile, writeFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { createRequire } from 'node:module'
import { parseDuration } from '@cairn/interface'
import type { Command } from 'commander'
import type { IpnsInspectResult, KeyFormat, KeyType } from '@cairn/interface'
import type { CliContext } from '../context.ts'
import { cidOutput, withCidBase } from './cid-base.ts'
import type { CidBaseFlags } from './cid-base.ts'
import { DaemonRunningError, UsageError } from '../errors.ts'
import { readApiFile } from '../connect.ts'
import { isDaemonAlive } from './daemon.ts'
import { parseInteger } from './parse.ts'
import { readAll } from './stdin.ts'

/** Kubo's `--ipns-base`: `b58mh` keeps the peer ID, a multibase name or prefix writes a libp2p-key CIDv1 */
function idFormatter (label: string): (peerId: string) => string {
  if (label === 'b58mh' || label === 'v0') return id => id
  // multiformats loads only for commands that print key IDs
  const require = createRequire(import.meta.url)
  const { bases } = require('multiformats/basics') as typeof import('multiformats/basics')
  const { base58btc } = require('multiformats/bases/base58') as typeof import('multiformats/bases/base58')
  const { CID } = require('multiformats/cid') as typeof import('multiformats/cid')
  const Digest = require('multiformats/hashes/digest') as typeof import('multiformats/hashes/digest')
  const base = Object.values(bases).find(b => b.name === label || b.prefix === label)
  if (base == null) throw new UsageError(`unsupported multibase encoding: ${label}`)
  return id => CID.createV1(0x72, Digest.decode(base58btc.baseDecode(id))).toString(base.encoder)
}

/** Go's text/tabwriter with padding 1: every tab-terminated cell padded to its column's width */
function table (rows: string[][]): string[] {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, cell.length) })
  return rows.map(row => row.map((cell, i) => cell.padEnd(widths[i] + 1)).join(''))
}

/** Go's `time.Duration.String()` */
export function goDuration (ns: bigint): string {
  if (ns === 0n) return '0s'
  const neg = ns < 0n
  let n = neg ? -ns : ns
  let out: string
  if (n < 1000n) out = `${n}ns`
  else if (n < 1_000_000n) out = `${trim(Number(n) / 1e3)}µs`
  else if (n < 1_000_000_000n) out = `${trim(Number(n) / 1e6)}ms`
  else {
    const h = n / 3_600_000_000_000n
    n -= h * 3_600_000_000_000n
    const m = n / 60_000_000_000n
    n -= m * 60_000_000_000n
    const s = `${trim(Number(n) / 1e9)}s`
    out = h > 0n ? `${h}h${m}m${s}` : m > 0n ? `${m}m${s}` : s
  }
  return (neg ? '-' : '') + out
}
const trim = (x: number): string => String(Number(x.toFixed(9)))

const duration = (name: string) => (value: string): number => {
  try {
    return parseDuration(value)
  } catch (err) {
    throw new UsageError(`error parsing ${name} option: ${(err as Error).message}`)
  }
}

async function readInput (ctx: CliContext, file: string | undefined): Promise<Uint8Array> {
  return file != null && file !== '-' ? new Uint8Array(await readFile(resolve(ctx.cwd, file))) : readAll(ctx.stdin)
}

function printInspect (ctx: CliContext, r: IpnsInspectResult): void {
  const rows: string[][] = []
  if (r.entry.value != null) rows.push(['Value:', JSON.stringify(r.entry.value)])
  if (r.entry.validityType != null) rows.push(['Validity Type:', String(r.entry.validityType)])
  if (r.entry.validity != null) rows.push(['Validity:', JSON.stringify(r.entry.validity)])
  if (r.entry.sequence != null) rows.push(['Sequence:', String(r.entry.sequence)])
  if (r.entry.ttl != null) rows.push(['TTL:', goDuration(r.entry.ttl)])
  rows.push(['Protobuf Size:', String(r.pbSize)], ['Signature Type:', r.signatureType])
  for (const line of table(rows.map(([a, b]) => [a, b]))) ctx.print.line(line.trimEnd())
  if (r.validation == null) {
    ctx.print.line('')
    ctx.print.line("This record was not verified. Pass '--verify k51...' to verify.")
  } else {
    ctx.print.line('')
    ctx.print.line('Validation results:')
    const v: string[][] = [['', 'Valid:', String(r.validation.valid)]]
    if (r.validation.reason !== '') v.push(['', 'Reason:', r.validation.reason])
    v.push(['', 'Name:', r.validation.name])
    for (const line of table(v)) ctx.print.line(line.trimEnd())
  }
  if (r.hexDump != null) {
    ctx.print.line('')
    ctx.print.line('Hex Dump:')
    ctx.print.text(r.hexDump)
  }
}

export function registerNames (program: Command, ctx: CliContext): void {
  const key = program.command('key').description('Create and list IPNS name keypairs')
  const ipnsBase = ['--ipns-base <base>', 'encoding of key IDs: b58mh or a multibase (base36, k, base32, b...)', 'base36'] as const

  key.command('gen')
    .description('Create a new keypair')
    .argument('<name>', 'name of key to create')
    .option('-t, --type <type>', 'type of the key to create: rsa, ed25519, secp256k1', 'ed25519')
    .option('-s, --size <bits>', 'size of the key to generate', parseInteger)
    .option(...ipnsBase)
    .action(async (name: string, flags: { type: string, size?: number, ipnsBase: string }) => {
      const format = idFormatter(flags.ipnsBase)
      const api = await ctx.api()
      const k = await api.key.gen(name, { type: flags.type as KeyType, size: flags.size, signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ Name: k.name, Id: format(k.id) })
      else ctx.print.line(format(k.id))
    })

  const list = (cmd: Command): Command => cmd
    .option('-l', 'show extra information about keys')
    .option(...ipnsBase)
    .action(async (flags: { l?: boolean, ipnsBase: string }) => {
      const format = idFormatter(flags.ipnsBase)
      const keys = await (await ctx.api()).key.list({ signal: ctx.signal })
      if (ctx.print.enc === 'json') {
        ctx.print.json({ Keys: keys.map(k => ({ Name: k.name, Id: format(k.id) })) })
        return
      }
      if (flags.l === true) for (const line of table(keys.map(k => [format(k.id), k.name]))) ctx.print.line(line)
      else for (const k of keys) ctx.print.line(k.name)
    })
  list(key.command('ls').description('List all local keypairs'))
  list(key.command('list').description('Deprecated: use `key ls`'))

  key.command('rm')
    .description('Remove keypairs')
    .argument('<names...>', 'names of keys to remove')
    .option('-l', 'show extra information about keys')
    .option(...ipnsBase)
    .action(async (names: string[], flags: { l?: boolean, ipnsBase: string }) => {
      const format = idFormatter(flags.ipnsBase)
      const api = await ctx.api()
      const removed = []
      for (const name of names) removed.push(await api.key.rm(name, { signal: ctx.signal }))
      if (ctx.print.enc === 'json') ctx.print.json({ Keys: removed.map(k => ({ Name: k.name, Id: format(k.id) })) })
      else if (flags.l === true) for (const line of table(removed.map(k => [format(k.id), k.name]))) ctx.print.line(line)
      else for (const k of removed) ctx.print.line(k.name)
    })

  key.command('rename')
    .description('Rename a keypair')
    .argument('<name>', 'name of key to rename')
    .argument('<newName>', 'new name of the key')
    .option('-f, --force', 'allow to overwrite an existing key')
    .option(...ipnsBase)
    .action(async (name: string, newName: string, flags: { force?: boolean, ipnsBase: string }) => {
      const format = idFormatter(flags.ipnsBase)
      const r = await (await ctx.api()).key.rename(name, newName, { force: flags.force, signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ Was: r.was, Now: r.name, Id: format(r.id), Overwrite: r.overwrite })
      else ctx.print.line(`Key ${format(r.id)} renamed to ${r.name}${r.overwrite ? ' with overwriting' : ''}`)
    })

  key.command('import')
    .description('Import a key and print its ID')
    .argument('<name>', 'name to associate with key in keychain')
    .argument('[file]', 'key provided by generate or export (stdin when absent)')
    .option('-f, --format <format>', 'libp2p-protobuf-cleartext or pem-pkcs8-cleartext', 'libp2p-protobuf-cleartext')
    .option('--allow-any-key-type', 'allow importing any key type')
    .option(...ipnsBase)
    .action(async (name: string, file: string | undefined, flags: { format: string, allowAnyKeyType?: boolean, ipnsBase: string }) => {
      const format = idFormatter(flags.ipnsBase)
      const bytes = await readInput(ctx, file)
      const k = await (await ctx.api()).key.import(name, bytes, { format: flags.format as KeyFormat, allowAnyKeyType: flags.allowAnyKeyType, signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ Name: k.name, Id: format(k.id) })
      else ctx.print.line(format(k.id))
    })

  key.command('export')
    .description('Export a keypair to ./<name>.key (or .pem)')
    .argument('<name>', 'name of key to export')
    .option('-o, --output <path>', 'the path where the output should be stored')
    .option('-f, --format <format>', 'libp2p-protobuf-cleartext or pem-pkcs8-cleartext', 'libp2p-protobuf-cleartext')
    .action(async (name: string, flags: { output?: string, format: string }) => {
      const bytes = await (await ctx.api()).key.export(name, { format: flags.format as KeyFormat, signal: ctx.signal })
      const out = flags.output ?? basename(`${name}.${flags.format === 'pem-pkcs8-cleartext' ? 'pem' : 'key'}`)
      // owner-only: this is private key material
      await writeFile(resolve(ctx.cwd, out), bytes, { mode: 0o600 })
    })

  key.command('rotate')
    .description('Give the repo a new identity, keeping the old key in the keystore (the daemon must not run)')
    .requiredOption('-o, --oldkey <name>', 'keystore name to back the current identity up under')
    .option('-t, --type <type>', 'type of the key to create: rsa, ed25519, secp256k1', 'ed25519')
    .option('-s, --size <bits>', 'size of the key to generate', parseInteger)
    .action(async (flags: { oldkey: string, type: string, size?: number }) => {
      const repo = ctx.config.repoPath
      const running = await readApiFile(repo)
      if (running != null && await isDaemonAlive(running)) throw new DaemonRunningError('cairn daemon is running. please stop it to run this command')
      const backend = await ctx.backend()
      ctx.print.line(`generating ${flags.type.toUpperCase()} keypair...done`)
      const { id } = await backend.rotateIdentity(repo, { oldKey: flags.oldkey, type: flags.type as KeyType, size: flags.size })
      ctx.print.line(`peer identity: ${id}`)
    })

  key.command('sign')
    .description('Sign data with a key (prefixed with "libp2p-key signed message:")')
    .argument('[file]', 'the data to sign (stdin when absent)')
    .option('-k, --key <name>', 'the name of the key to use for signing', 'self')
    .option(...ipnsBase)
    .action(async (file: string | undefined, flags: { key: string, ipnsBase: string }) => {
      const format = idFormatter(flags.ipnsBase)
      const r = await (await ctx.api()).key.sign(await readInput(ctx, file), { key: flags.key, signal: ctx.signal })
      ctx.print.json({ Key: { Name: r.key.name, Id: format(r.key.id) }, Signature: `u${Buffer.from(r.signature).toString('base64url')}` })
    })

  key.command('verify')
    .description('Verify a signature made by `key sign`')
    .argument('[file]', 'the signed data (stdin when absent)')
    .option('-k, --key <name>', 'the name of the key to use for verifying', 'self')
    .requiredOption('--signature <multibase>', 'the signature, multibase-encoded')
    .option(...ipnsBase)
    .action(async (file: string | undefined, flags: { key: string, signature: string, ipnsBase: string }) => {
      const format = idFormatter(flags.ipnsBase)
      const sig = flags.signature
      if (!sig.startsWith('u')) throw new UsageError('signature must be multibase base64url ("u" prefix)')
      const r = await (await ctx.api()).key.verify(await readInput(ctx, file), new Uint8Array(Buffer.from(sig.slice(1), 'base64url')), { key: flags.key, signal: ctx.signal })
      ctx.print.json({ Key: { Name: r.key.name, Id: format(r.key.id) }, SignatureValid: r.signatureValid })
    })

  const name = program.command('name').description('Publish and resolve IPNS names')

  name.command('publish')
    .description('Publish an IPNS name pointing at an IPFS path')
    .argument('<ipfs-path>', 'ipfs path of the object to be published')
    .option('-k, --key <name>', "name of the key to be used or a valid PeerID, as listed by 'key list -l'", 'self')
    .option('--resolve', 'check that the path resolves before publishing (the default)')
    .option('--no-resolve', 'publish without checking the path (Kubo: --resolve=false)')
    .option('-t, --lifetime <duration>', 'how long the record is valid (default 48h)', duration('lifetime'))
    .option('--ttl <duration>', 'how long resolvers may cache it (default 5m, capped to the lifetime)', duration('ttl'))
    .option('-Q, --quieter', 'write only the final IPNS name')
    .option('--v1compat', 'include V1 signature fields (the default)')
    .option('--no-v1compat', 'a V2-only record (Kubo: --v1compat=false)')
    .option('--allow-offline', 'publish to the local store when offline')
    .option('--allow-delegated', 'publish to the local store and Ipns.DelegatedPublishers (HTTP) only, no DHT needed')
    .option('--sequence <n>', 'sequence number for the record (must be higher than the current one)')
    .option(...ipnsBase)
    .action(async (path: string, flags: { key: string, resolve: boolean, lifetime?: number, ttl?: number, quieter?: boolean, v1compat: boolean, allowOffline?: boolean, allowDelegated?: boolean, sequence?: string }) => {
      if (flags.allowOffline === true && flags.allowDelegated === true) throw new UsageError('cannot use both --allow-offline and --allow-delegated flags')
      if (flags.lifetime != null && flags.lifetime <= 0) throw new UsageError('lifetime must be greater than zero')
      if (flags.sequence != null && !/^\d{1,20}$/.test(flags.sequence)) throw new UsageError(`'${flags.sequence}' is not a sequence number`)
      const api = await ctx.api()
      const entry = await api.name.publish(path, {
        key: flags.key,
        resolve: flags.resolve,
        lifetimeMs: flags.lifetime,
        ttlMs: flags.ttl,
        v1Compatible: flags.v1compat,
        allowOffline: flags.allowOffline,
        allowDelegated: flags.allowDelegated,
        sequence: flags.sequence != null ? BigInt(flags.sequence) : undefined,
        signal: ctx.signal
      })
      if (ctx.print.enc === 'json') ctx.print.json({ Name: entry.name, Value: entry.value })
      else if (flags.quieter === true) ctx.print.line(entry.name)
      else ctx.print.line(`Published to ${entry.name}: ${entry.value}`)
    })

  name.command('resolve')
    .description('Resolve an IPNS name (default: this node\'s own) to an /ipfs/ path')
    .argument('[name]', 'the IPNS name or DNSLink domain to resolve')
    .option('-r, --recursive', 'resolve until the result is not an IPNS name (the default)')
    .option('--no-recursive', 'resolve one step only (Kubo: --recursive=false)')
    .option('-n, --nocache', 'do not use cached entries')
    .option('--dhtrc, --dht-record-count <n>', 'number of records to request for DHT resolution', parseInteger)
    .option('--dhtt, --dht-timeout <duration>', 'max time to collect values during DHT resolution, 0 for no timeout', duration('dht-timeout'))
    .option('-s, --stream', 'stream entries as they are found')
    .action(async (arg: string | undefined, flags: { recursive: boolean, nocache?: boolean, dhtRecordCount?: number, dhtTimeout?: number, stream?: boolean }) => {
      const api = await ctx.api()
      const target = arg ?? (await api.id({ signal: ctx.signal })).id
      const options = { recursive: flags.recursive, nocache: flags.nocache, dhtRecordCount: flags.dhtRecordCount, dhtTimeoutMs: flags.dhtTimeout, signal: ctx.signal }
      const paths = flags.stream === true ? api.name.resolveStream(target, options) : [await api.name.resolve(target, options)]
      for await (const path of paths) {
        if (ctx.print.enc === 'json') ctx.print.json({ Path: path })
        else ctx.print.line(path)
      }
    })

  name.command('inspect')
    .description('Print the fields of an IPNS record (file or stdin)')
    .argument('[record]', 'the record file; stdin when absent')
    .option('--verify <name>', 'the IPNS name to validate the record against')
    .option('--dump', 'include a hex dump of the record (the default)')
    .option('--no-dump', 'leave the hex dump out (Kubo: --dump=false)')
    .action(async (file: string | undefined, flags: { verify?: string, dump: boolean }) => {
      const record = await readInput(ctx, file)
      const r = await (await ctx.api()).name.inspect(record, { verify: flags.verify, dump: flags.dump, signal: ctx.signal })
      if (ctx.print.enc === 'json') {
        ctx.print.json({
          Entry: { Value: r.entry.value ?? '', ValidityType: r.entry.validityType ?? null, Validity: r.entry.validity ?? null, Sequence: r.entry.sequence == null ? null : Number(r.entry.sequence), TTL: r.entry.ttl == null ? null : Number(r.entry.ttl) },
          PbSize: r.pbSize,
          SignatureType: r.signatureType,
          HexDump: r.hexDump ?? '',
          Validation: r.validation == null ? null : { Valid: r.validation.valid, Reason: r.validation.reason, Name: r.validation.name }
        })
        return
      }
      printInspect(ctx, r)
    })

  name.command('get')
    .description('Write the signed IPNS record of a name to stdout')
    .argument('<name>', 'the IPNS name to look up')
    .action(async (arg: string) => {
      const record = await (await ctx.api()).name.get(arg, { signal: ctx.signal })
      await ctx.print.bytes(record)
    })

  name.command('put')
    .description('Store a pre-signed IPNS record')
    .argument('<name>', 'the IPNS name the record is for')
    .argument('[record]', 'the record file; stdin when absent')
    .option('-f, --force', 'skip validation (signature, sequence, size)')
    .option('--allow-offline', 'store locally when offline')
    .option('--allow-delegated', 'publish through HTTP delegated publishers only')
    .option('-q, --quiet', 'write no output')
    .action(async (arg: string, file: string | undefined, flags: { force?: boolean, allowOffline?: boolean, allowDelegated?: boolean, quiet?: boolean }) => {
      if (flags.allowOffline === true && flags.allowDelegated === true) throw new UsageError('cannot use both --allow-offline and --allow-delegated flags')
      const record = await readInput(ctx, file)
      const entry = await (await ctx.api()).name.put(arg, record, { force: flags.force, allowOffline: flags.allowOffline, allowDelegated: flags.allowDelegated, signal: ctx.signal })
      if (flags.quiet === true) return
      if (ctx.print.enc === 'json') ctx.print.json({ Name: entry.name, Value: entry.value })
      else ctx.print.line(`Stored record for ${entry.name}: ${entry.value}`)
    })

  const namePubsub = name.command('pubsub').description('IPNS over pubsub (Ipns.UsePubsub)')
  namePubsub.command('state')
    .description('Whether IPNS over pubsub is enabled')
    .action(async () => {
      const enabled = await (await ctx.api({ online: true })).name.pubsub.state({ signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ Enabled: enabled })
      else ctx.print.line(enabled ? 'enabled' : 'disabled')
    })
  namePubsub.command('subs')
    .description('The names whose pubsub topics this node follows')
    .action(async () => {
      const subs = await (await ctx.api({ online: true })).name.pubsub.subs({ signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ Strings: subs })
      else for (const s of subs) ctx.print.line(s)
    })
  namePubsub.command('cancel')
    .description('Stop following a name\'s pubsub topic')
    .argument('<name>', 'the IPNS name')
    .action(async (arg: string) => {
      const canceled = await (await ctx.api({ online: true })).name.pubsub.cancel(arg, { signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ Canceled: canceled })
      else ctx.print.line(canceled ? 'canceled' : 'no subscription')
    })

  withCidBase(program.command('resolve'))
    .description('Resolve an /ipns/ name or an /ipfs/ path to the /ipfs/ path it stands for')
    .argument('<name>', 'the name or path to resolve')
    .option('-r, --recursive', 'resolve until the result is an /ipfs/ path (the default)')
    .option('--no-recursive', 'resolve one step only (Kubo: --recursive=false)')
    .option('-n, --nocache', 'do not use cached entries')
    .action(async (arg: string, flags: { recursive: boolean, nocache?: boolean } & CidBaseFlags) => {
      const resolved = await (await ctx.api()).resolve(arg, { recursive: flags.recursive, nocache: flags.nocache, signal: ctx.signal })
      // without a base the path keeps its CID as written (Kubo takes the encoder from the path)
      const path = flags.cidBase != null || flags.upgradeCidv0InOutput != null
        ? (await import('@cairn/ipld')).encodePathCid(resolved, await cidOutput(flags))
        : resolved
      if (ctx.print.enc === 'json') ctx.print.json({ Path: path })
      else ctx.print.line(path)
    })

  program.command('dns')
    .description('Resolve a DNSLink domain to its path')
    .argument('<domain>', 'the domain name')
    .option('-r, --recursive', 'resolve until the result is not a DNS link (the default)')
    .option('--no-recursive', 'resolve one step only (Kubo: --recursive=false)')
    .action(async (domain: string, flags: { recursive: boolean }) => {
      const path = await (await ctx.api()).dns(domain, { recursive: flags.recursive, signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ Path: path })
      else ctx.print.line(path)
    })
}
