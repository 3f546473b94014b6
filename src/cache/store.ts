import {rm} from 'node:fs/promises'
import {closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {randomBytes} from 'node:crypto'
import {crc32} from 'node:zlib'

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
 * carry a checksum and the length of their payload: a truncated or edited entry is detected
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

const MAGIC = 'coursebook-cache 2 '
/** The header: MAGIC, the payload's CRC-32 (8 hex digits), a space, its length (12 digits), a line feed. */
const HEADER_LENGTH = MAGIC.length + 8 + 1 + 12 + 1

/**
 * The check written before a payload. CRC-32 detects truncation and damage as
 * well as a cryptographic hash would here (nobody forges cache entries), at a
 * fraction of the cost: a warm build reads every page's entry.
 */
function checkOf(payload: Uint8Array): string {
  return `${crc32(payload).toString(16).padStart(8, '0')} ${String(payload.byteLength).padStart(12, '0')}`
}

/** Open (lazily create) the store in `dir`. Nothing touches the disk until the first `set`. */
export function openCacheStore(dir: string): CacheStore {
  const stats: CacheStats = {hits: 0, misses: 0, corrupt: 0, writes: 0}
  // Entries sit side by side in `dir`, not in subfolders by the key's first characters: a store holds
  // hundreds of entries, not millions, and a course's pages each made a folder of their own, which cost
  // about 1 ms apiece on the benchmark machine's file system.
  const pathOf = (key: string) => {
    if (!/^[0-9a-z_-]{8,128}$/i.test(key)) throw new Error(`invalid cache key "${key}"`)
    return join(dir, key)
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
        // Synchronously: a build looks up every page at once, and awaited reads of a few hundred
        // kilobytes each cost more in scheduling than the reads themselves.
        data = readFileSync(path)
      } catch {
        stats.misses++
        return undefined
      }
      const header = data.subarray(0, HEADER_LENGTH).toString('latin1')
      const payload = data.subarray(HEADER_LENGTH)
      if (!header.startsWith(MAGIC) || !header.endsWith('\n') || header.slice(MAGIC.length, -1) !== checkOf(payload)) {
        return discard(path)
      }
      stats.hits++
      return payload
    },
    async set(key, value) {
      const path = pathOf(key)
      const payload = typeof value === 'string' ? Buffer.from(value) : value
      // Synchronously: a cold build stores every page at once, and awaited writes kept all their payloads
      // alive together (the benchmark build's peak RSS was about 45 MB higher).
      mkdirSync(dir, {recursive: true})
      const temporary = join(dir, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
      try {
        // Header and payload written one after the other: joining them would copy the payload once more.
        const fd = openSync(temporary, 'w')
        try {
          writeFileSync(fd, `${MAGIC}${checkOf(payload)}\n`, 'latin1')
          writeFileSync(fd, payload)
        } finally {
          closeSync(fd)
        }
        renameSync(temporary, path)
        stats.writes++
      } catch (error) {
        rmSync(temporary, {force: true})
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
