import {stat} from 'node:fs/promises'
import type {Asset} from '../../pipeline/types.js'
import type {CacheStore} from '../../cache/store.js'
import {digest} from '../../cache/digest.js'
import {hashBytes} from '../../write/manifest.js'

/**
 * The last zip of each OU-XML document, with a digest of what went into it:
 * the XML and each media file's path and identity (a copied file's size and
 * modification time, or the hash of bytes made in memory). A rebuild whose
 * document did not change reuses its zip without reading the media again:
 * from memory in `coursebook dev`, from the build cache across builds. One
 * entry per document, so neither memory nor the cache grows with edits.
 */
const remembered = new Map<string, {inputs: string; zip: Uint8Array}>()

/** The zip of document `name`, made by `make` only when its inputs changed since it was last made. */
export async function memoZip(name: string, xml: string, media: readonly Asset[], make: () => Promise<Uint8Array>, store?: CacheStore): Promise<Uint8Array> {
  const identities = await Promise.all(media.map(async (m) => `${m.outPath}\0${await identity(m)}`))
  const inputs = digest('ouxml-zip', xml, identities)
  const slot = digest('ouxml-zip', name)
  const inMemory = remembered.get(slot)
  if (inMemory?.inputs === inputs) return inMemory.zip
  const stored = await store?.get(slot)
  if (stored && stored.subarray(0, inputs.length).toString('latin1') === inputs) {
    const zip = new Uint8Array(stored.subarray(inputs.length))
    remembered.set(slot, {inputs, zip})
    return zip
  }
  const zip = await make()
  remembered.set(slot, {inputs, zip})
  await store?.set(slot, Buffer.concat([Buffer.from(inputs, 'latin1'), zip])).catch(() => undefined)
  return zip
}

async function identity(asset: Asset): Promise<string> {
  if (asset.copyFrom) {
    const info = await stat(asset.copyFrom).catch(() => undefined)
    return info ? `${asset.copyFrom}\0${info.size}\0${info.mtimeMs}` : `${asset.copyFrom}\0missing`
  }
  return hashBytes(asset.data ?? '')
}

/** Drop the zips held in memory (the build cache keeps its copies), as a new process starts. */
export function forgetZips(): void {
  remembered.clear()
}
