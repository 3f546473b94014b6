import {bookDiagnostic} from './diagnostic.js'
import {isRecord, optionalText, readEntries, type EntryContext} from './toc-entries.js'
import {ENTRY_KEYS, FORMAT_KEYS, type ModernFormat} from './toc-schema.js'
import type {BookToc, TocPart} from './toc-types.js'

/**
 * Read a jb-book, jb-article or general-form (sphinx-external-toc) toc into
 * the model. The root's subtrees (jb-book `parts`) are the parts; its items
 * (`chapters`, `sections`, `entries`) are the one implicit part.
 */
export function readModernToc(data: Record<string, unknown>, format: ModernFormat, ctx: Omit<EntryContext, 'allowedKeys' | 'childKeys'>): BookToc {
  const {top, nested} = FORMAT_KEYS[format]
  const entryContext: EntryContext = {
    ...ctx,
    allowedKeys: [...ENTRY_KEYS, nested.subtrees, nested.items],
    childKeys: {items: [nested.items], subtrees: nested.subtrees, subtreeItems: nested.items},
  }
  const rootPath = optionalText(data.root)
  const root = rootPath ? {kind: 'file' as const, path: rootPath, title: optionalText(data.title), children: [], at: ctx.source.locate(['root'])} : undefined
  const options = isRecord(data.options) ? data.options : {}
  const subtrees = data[top.subtrees]
  const items = data[top.items]
  if (subtrees !== undefined && items !== undefined) {
    ctx.report(bookDiagnostic('toc-invalid', `The table of contents has both \`${top.subtrees}\` and \`${top.items}\` at the top; use one (the \`${top.items}\` are left out)`, ctx.file, ctx.source.locateKey([], top.items)))
  }
  if (Array.isArray(subtrees)) {
    const parts: TocPart[] = []
    subtrees.forEach((subtree, index) => {
      if (!isRecord(subtree)) return
      parts.push({
        caption: optionalText(subtree.caption),
        numbered: numberedOf(subtree.numbered),
        entries: readEntries(subtree[top.items], [top.subtrees, index, top.items], entryContext),
        at: ctx.source.locate([top.subtrees, index]),
      })
    })
    return {format, root, parts, hasParts: true}
  }
  const entries = readEntries(items, [top.items], entryContext)
  return {format, root, parts: entries.length > 0 ? [{entries, numbered: numberedOf(options.numbered)}] : [], hasParts: false}
}

export function numberedOf(value: unknown): boolean | number | undefined {
  return typeof value === 'boolean' || typeof value === 'number' ? value : undefined
}
