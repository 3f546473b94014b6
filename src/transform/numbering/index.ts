import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {NumberingConfig} from '../../config/schema.js'
import type {CrossReference, PageReference, PageResult} from '../../pipeline/types.js'
import {TargetCollector} from './targets.js'
import {crossReferenceLink, formulaReferences} from './references.js'
import {splitTexReferences} from './prose.js'
import {keepGlossaryText} from './glossary.js'
import {walk} from './walk.js'

export {collectGlossary, termId} from './glossary.js'
export {formatNumber} from './targets.js'

export interface NumberingOptions {
  numbering: NumberingConfig
}

/** What the numbering transform adds to a page's result. */
export type NumberingResult = Pick<PageResult, 'targets' | 'references' | 'activityMinutes' | 'activityCount'>

/**
 * The per-page half of numbering and cross-referencing (the link step does
 * the rest, once every page is known), in one pass over the tree: list the
 * page's targets and references, write tokens for what only the whole
 * course knows (numbers, other pages' places and titles), keep glossary
 * definitions as text, and sum the page's activity time. In a notebook,
 * `\eqref{x}` and `\ref{x}` in running text (outside links) are references
 * too. Runs after the headings transform (heading ids are final) and the
 * links transform (so the links it makes are not taken for files), before
 * the OU-XML conversion and the math transform. Only the tree is changed.
 */
export function numberingTransform(tree: Root, file: VFile, options: NumberingOptions): NumberingResult {
  const page = file.data.coursebook!.source
  const prose = page.kind === 'notebook'
  const collector = new TargetCollector(options.numbering, page.relPath)
  const references: PageReference[] = []
  const activities = {count: 0, minutes: 0}
  const link = (node: CrossReference) => {
    const made = crossReferenceLink(node, page.relPath)
    references.push(made.reference)
    return made.link
  }
  walk(tree, (node, parent) => {
    collector.enter(node)
    switch (node.type) {
      case 'crossReference':
        return [link(node)]
      case 'math':
      case 'inlineMath':
        references.push(...formulaReferences(node))
        return undefined
      case 'text':
        if (!prose || parent.type === 'link' || !node.value.includes('ref')) return undefined
        return splitTexReferences(node)?.map((part) => (part.type === 'crossReference' ? link(part) : part))
      case 'glossaryEntry':
        keepGlossaryText(node)
        return undefined
      case 'courseActivity':
        activities.count++
        if (typeof node.minutes === 'number' && Number.isFinite(node.minutes) && node.minutes > 0) activities.minutes += node.minutes
        return undefined
      default:
        return undefined
    }
  })
  const result: NumberingResult = {}
  if (collector.targets.length > 0) result.targets = collector.targets
  if (references.length > 0) result.references = references
  if (activities.count > 0) result.activityCount = activities.count
  if (activities.minutes > 0) result.activityMinutes = activities.minutes
  return result
}
