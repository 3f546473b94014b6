import {stat} from 'node:fs/promises'
import type {Asset} from '../../pipeline/types.js'
import type {CacheStore} from '../../cache/store.js'
import {contentHash, digest} from '../../cache/digest.js'
import {rememberInSlot} from '../../cache/slot-memo.js'

/**
 * The zip of OU-XML document `name`, made by `make` only when what goes into
 * it changed: the XML and each media file's path and identity (a copied
 * file's size and modification time, or the hash of bytes made in memory).
 * A rebuild of an unchanged unit neither re-reads its media nor compresses
 * it again.
 */
export async function memoZip(name: string, xml: string, media: readonly Asset[], make: () => Promise<Uint8Array>, store?: CacheStore): Promise<Uint8Array> {
  const identities = await Promise.all(media.map(async (m) => `${m.outPath}\0${await identity(m)}`))
  return rememberInSlot(digest('ouxml-zip', name), digest('ouxml-zip', xml, identities), make, store)
}

async function identity(asset: Asset): Promise<string> {
  if (asset.copyFrom) {
    const info = await stat(asset.copyFrom).catch(() => undefined)
    return info ? `${asset.copyFrom}\0${info.size}\0${info.mtimeMs}` : `${asset.copyFrom}\0missing`
  }
  return contentHash(asset.data ?? '')
}
