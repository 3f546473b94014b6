import {readFileSync, statSync} from 'node:fs'
import {deserialize, serialize} from 'node:v8'
import type {PageResult, PageSource} from '../pipeline/types.js'
import type {Diagnostic} from '../diagnostics/report.js'
import type {CacheStore} from './store.js'
import {contentHash, digest} from './digest.js'

/**
 * A page outcome as stored, the source left out (the build has it). Entries
 * are V8's structured serialisation (what the page workers already send their
 * results in): assets' bytes stay bytes, and long HTML strings are copied
 * rather than escaped and re-encoded as JSON would.
 */
interface StoredPage {
  inputs: string
  dependencies: string[]
  result?: Omit<PageResult, 'source'>
  diagnostics: Diagnostic[]
}

export interface PageOutcomeLike {
  result?: PageResult
  diagnostics: Diagnostic[]
}

/**
 * The persistent cache of rendered pages. An entry is reused only when every
 * input is unchanged: the source bytes, the contents (or absence) of every file
 * the page referred to, the built URLs of the pages it linked to, the unit
 * metadata it inherits, and `context` (the output-relevant config and the tool
 * version). Anything else is rendered again; a corrupt entry is a miss.
 */
export class PageCache {
  constructor(
    private readonly store: CacheStore,
    private readonly context: string,
  ) {}

  /** The cached outcome of a page, if it is still valid. */
  async lookup(source: PageSource, pagesByFile: ReadonlyMap<string, PageSource>): Promise<PageOutcomeLike | undefined> {
    const entry = await this.read(source)
    if (!entry) return undefined
    if (entry.inputs !== (this.inputs(source, entry.dependencies, pagesByFile))) return undefined
    return {result: entry.result ? {...entry.result, source} : undefined, diagnostics: entry.diagnostics}
  }

  private async read(source: PageSource): Promise<StoredPage | undefined> {
    const bytes = await this.store.get(keyOf(source))
    if (!bytes) return undefined
    try {
      const entry = deserialize(bytes) as StoredPage
      // An entry from an older coursebook (or another Node) that reads as something else is a miss.
      return typeof entry?.inputs === 'string' && Array.isArray(entry.dependencies) ? entry : undefined
    } catch {
      return undefined
    }
  }

  /**
   * Remember a freshly rendered page, unless its outcome may not repeat: a
   * diagram that timed out, or a render that failed, deserves another try.
   */
  async save(source: PageSource, outcome: PageOutcomeLike, pagesByFile: ReadonlyMap<string, PageSource>): Promise<void> {
    if (outcome.diagnostics.some((d) => TRANSIENT.has(d.ruleId))) return
    const dependencies = outcome.result?.dependencies ?? []
    const stored: StoredPage = {
      inputs: this.inputs(source, dependencies, pagesByFile),
      dependencies,
      result: outcome.result ? withoutSource(outcome.result) : undefined,
      diagnostics: outcome.diagnostics,
    }
    await this.store.set(keyOf(source), serialize(stored))
  }

  private inputs(source: PageSource, dependencies: readonly string[], pagesByFile: ReadonlyMap<string, PageSource>): string {
    const stamps = dependencies.map((path) => [path, pagesByFile.get(path)?.outPath ?? fileStamp(path)])
    return digest(this.context, source.relPath, source.outPath, source.unit.meta as never, fileStamp(source.path), stamps as never)
  }
}

/** Rules whose cause may be gone on the next run (load, a time limit, a crash). */
const TRANSIENT = new Set(['tikz-timeout', 'render-failed', 'page-read-failed'])

function keyOf(source: PageSource): string {
  return digest('page', source.relPath)
}

/** A file's content hash, `dir` for a folder, `missing` when absent. Synchronous, as the page reads are (see `processPage`). */
function fileStamp(path: string): string {
  try {
    const info = statSync(path)
    return info.isFile() ? contentHash(readFileSync(path)) : 'dir'
  } catch {
    return 'missing'
  }
}

function withoutSource(result: PageResult): Omit<PageResult, 'source'> {
  const {source: _source, ...rest} = result
  return rest
}
