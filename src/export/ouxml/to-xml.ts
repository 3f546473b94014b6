import type {Parents, Root} from 'mdast'
import type {VFile} from 'vfile'
import type {OuxmlPage} from './types.js'
import {State, type ConvertOptions} from './state.js'
import {ouxmlHandlers} from './handlers/index.js'
import {sectionise, type FlowItem} from './sections.js'
import {fit} from './content-model.js'
import {sessionId} from './ids.js'
import {writeFragment} from './fragment.js'
import type {OuxmlConfig} from '../../config/schema.js'

export type {ConvertOptions} from './state.js'

/**
 * Convert a page's syntax tree to the content of its OU-XML `Session`: every
 * node through its handler (see `handlers/index.ts`), the top-level headings
 * (of the page and of its notebook Markdown cells) nesting the blocks into
 * sections, written as an XML fragment for the assembly to splice in. Runs after the links and output-files transforms and before the
 * math transform, so URLs point at site files and TeX is still source. Reads
 * the tree without changing it; problems are diagnostics on `file`.
 */
export function treeToOuxml(tree: Root, file: VFile, options: ConvertOptions): OuxmlPage {
  const page = file.data.coursebook!.source
  const id = sessionId(page.outPath)
  const state = new State(file, page, id, options, ouxmlHandlers, tree)
  state.ids.unique(id)
  const items: FlowItem[] = []
  const walk = (parent: Parents) => {
    for (const child of parent.children) {
      if (child.type === 'heading') items.push({heading: child})
      else if (child.type === 'notebookMarkdownCell') walk(child)
      else items.push({blocks: state.flow([child], parent)})
    }
  }
  walk(tree)
  const elements = fit(state, 'Session', sectionise(state, items))
  const {xml, marks} = writeFragment(elements)
  return {id, xml, marks, links: state.links, ids: state.ids.list(), media: [...state.media], packages: state.packages}
}

/**
 * The page as OU-XML when the export is on (`ouxml.enabled`), else
 * undefined: the one call the page pipeline makes.
 */
export function pageOuxml(tree: Root, file: VFile, config: OuxmlConfig | undefined): OuxmlPage | undefined {
  if (!config?.enabled) return undefined
  return treeToOuxml(tree, file, {
    htmlOutputs: config.htmlOutputs,
    headings: config.headings,
    imagePathPrefix: config.imagePathPrefix,
    mediaPathPrefix: config.mediaPathPrefix ?? config.imagePathPrefix,
    // A unit's introduction (`index.md`, order -1) is not numbered.
    numberSections: config.numberSessions && file.data.coursebook!.source.order >= 0,
  })
}
