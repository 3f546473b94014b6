import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {randomBytes} from 'node:crypto'
import {contentHash} from './digest.js'

/** Counters of one store's traffic since it was opened. */
export interface CacheStats {
  hits: number
  misses: number
  /** Entries that failed their integrity check; they were deleted and counted as misses too. */
  corrupt: number
  writes: number
}

/**
 * A folder of entries addressed by key (a hex digest, see `digest`). Entries
 * are written atomically (a temporary file renamed into place, so a reader
 * never sees half an entry and concurrent writers of one key do not clash) and
 * carry the SHA-256 of their payload: a truncated or edited entry is detected
 * on read, deleted, and reported as a miss so the caller recomputes it.
 * Safe to share between threads and processes.
 */
export interface CacheStore {
  readonly dir: string
  readonly stats: CacheStats
  get(key: string): Promise<Buffer | undefined>
  set(key: string, value: string | Uint8Array): Promise<void>
  /** `get` parsed as JSON; an entry that is not valid JSON counts as corrupt. */
  getJson<T>(key: string): Promise<T | undefined>
  setJson(key: string, value: unknown): Promise<void>
  /** Where the entry for `key` lives (it may not exist). */
  pathOf(key: string): string
}

const MAGIC = 'coursebook-cache 1 '
const HEADER_LENGTH = MAGIC.length + 64 + 1

/** Open (lazily create) the store in `dir`. Nothing touches the disk until the first `set`. */
export function openCacheStore(dir: string): CacheStore {
  const stats: CacheStats = {hits: 0, misses: 0, corrupt: 0, writes: 0}
  const pathOf = (key: string) => {
    if (!/^[0-9a-z_-]{8,128}$/i.test(key)) throw new Error(`invalid cache key "${key}"`)
    return join(dir, key.slice(0, 2), key)
  }
  const discard = async (path: string) => {
    stats.corrupt++
    stats.misses++
    await rm(path, {force: true}).catch(() => undefined)
    return undefined
  }

  const store: CacheStore = {
    dir,
    stats,
    pathOf,
    async get(key) {
      const path = pathOf(key)
      let data: Buffer
      try {
        data = await readFile(path)
      } catch {
        stats.misses++
        return undefined
      }
      const header = data.subarray(0, HEADER_LENGTH).toString('latin1')
      const payload = data.subarray(HEADER_LENGTH)
      if (!header.startsWith(MAGIC) || !header.endsWith('\n') || header.slice(MAGIC.length, -1) !== contentHash(payload)) {
        return discard(path)
      }
      stats.hits++
      return payload
    },
    async set(key, value) {
      const path = pathOf(key)
      const payload = typeof value === 'string' ? Buffer.from(value) : value
      const folder = join(dir, key.slice(0, 2))
      await mkdir(folder, {recursive: true})
      const temporary = join(folder, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
      try {
        await writeFile(temporary, Buffer.concat([Buffer.from(`${MAGIC}${contentHash(payload)}\n`, 'latin1'), payload]))
        await rename(temporary, path)
        stats.writes++
      } catch (error) {
        await rm(temporary, {force: true}).catch(() => undefined)
        throw error
      }
    },
    async getJson<T>(key: string) {
      const payload = await store.get(key)
      if (!payload) return undefined
      try {
        return JSON.parse(payload.toString('utf8')) as T
      } catch {
        stats.hits--
        return discard(pathOf(key))
      }
    },
    setJson(key, value) {
      return store.set(key, JSON.stringify(value))
    },
  }
  return store
}
