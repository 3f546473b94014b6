import {randomBytes} from 'node:crypto'
import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import {statSync} from 'node:fs'
import {dirname} from 'node:path'

/**
 * What the last complete write of a site put where: each file's content hash
 * and the size and modification time it had on disk afterwards, and the same
 * stamp of every file it was copied from. With it, the next write can tell
 * which files of the site are already right (same content, untouched on disk)
 * without reading them, and which sources are unchanged without hashing them.
 */
export interface SiteManifest {
  files: Record<string, FileStamp>
  sources: Record<string, FileStamp>
  /**
   * True when the folder held exactly `files` (the atomic writer made it).
   * A manifest recorded after `coursebook dev` is not: the folder may hold
   * files of older builds, so the next build rewrites the folder (reusing
   * what it can) rather than leave it as it is.
   */
  complete?: boolean
}

export interface FileStamp {
  hash: string
  size: number
  mtimeMs: number
}

// 2: file hashes are `contentHash` (SHA-256, hex).
const VERSION = 2

/** The manifest at `path`, or an empty one when it is missing or unreadable (everything is then written). */
export async function readManifest(path: string | undefined): Promise<SiteManifest> {
  const empty: SiteManifest = {files: {}, sources: {}}
  if (!path) return empty
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as {version?: number} & Partial<SiteManifest>
    if (parsed.version !== VERSION || typeof parsed.files !== 'object' || typeof parsed.sources !== 'object') return empty
    return {files: parsed.files ?? {}, sources: parsed.sources ?? {}, complete: (parsed as SiteManifest).complete === true}
  } catch {
    return empty
  }
}

/** Save the manifest atomically; a failure only costs the next build its shortcut. */
export async function writeManifest(path: string, manifest: SiteManifest): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await mkdir(dirname(path), {recursive: true})
    await writeFile(temporary, JSON.stringify({version: VERSION, ...manifest}))
    await rename(temporary, path)
  } catch {
    await rm(temporary, {force: true}).catch(() => undefined)
  }
}

/**
 * The size and modification time of a file, or undefined when it is missing.
 * Synchronous: a build stats every file of the site, and a few hundred
 * awaited stats cost a no-change build about 30 ms on their own.
 */
export function statStamp(path: string): {size: number; mtimeMs: number} | undefined {
  try {
    const info = statSync(path, {throwIfNoEntry: false})
    return info?.isFile() ? {size: info.size, mtimeMs: info.mtimeMs} : undefined
  } catch {
    return undefined
  }
}

/** Whether a file on disk still has the size and modification time a stamp recorded. */
export function sameStamp(a: {size: number; mtimeMs: number} | undefined, b: {size: number; mtimeMs: number} | undefined): boolean {
  return a !== undefined && b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs
}
