import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {runInNewContext} from 'node:vm'
import MiniSearch, {type SearchResult} from 'minisearch'
import type {SearchData} from '../../../src/render/search/index.js'

/** The index a built site carries, loaded the way the search page loads it: run the script, then `MiniSearch.loadJS`. */
export function loadSiteIndex(outPath: string): {data: SearchData; index: MiniSearch} {
  const context: {coursebookSearch?: SearchData} = {}
  runInNewContext(readFileSync(join(outPath, 'assets/search/index.js'), 'utf8'), context)
  const data = context.coursebookSearch!
  return {data, index: MiniSearch.loadJS(data.index, {...data.options, fields: [...data.options.fields], storeFields: [...data.options.storeFields]})}
}

/** The site pages a search found, by href. */
export function pagesFound(data: SearchData, results: SearchResult[]): Set<string> {
  return new Set(results.map((r) => data.pages[r.p as number]![2]))
}
