import {bookDiagnostic} from './diagnostic.js'
import {isRecord, optionalText, readEntries, readEntry, type EntryContext} from './toc-entries.js'
import {numberedOf} from './toc-modern.js'
import {LEGACY_KEYS} from './toc-schema.js'
import type {BookToc, TocEntry, TocFileEntry, TocPart} from './toc-types.js'

type Located = {value: unknown; path: ReadonlyArray<PropertyKey>}

/** Keys that open a part in the old format: `part:` and `chapter:` (≤0.10, with their pages inside), `header:` (≤0.7, followed by its pages). */
const PART_KEYS = ['part', 'chapter', 'header'] as const

/**
 * Read a Jupyter Book ≤0.10 toc: a list whose first entry is the first page
 * (its `sections`/`chapters` join the top level, as `jupyter-book toc
 * migrate` does), then pages, or parts (`- part:` / `- chapter:` holding
 * `chapters`/`sections`, or a `- header:` line followed by its pages). A
 * single mapping is read as a one-entry list.
 */
export function readLegacyToc(data: unknown, ctx: Omit<EntryContext, 'allowedKeys' | 'childKeys'>): BookToc {
  const entryContext: EntryContext = {...ctx, allowedKeys: LEGACY_KEYS, childKeys: {items: ['sections', 'chapters']}}
  const list: Located[] = Array.isArray(data) ? data.map((value, i) => ({value, path: [i]})) : [{value: data, path: []}]
  const [first, ...rest] = list
  const top: Located[] = []
  let root: TocFileEntry | undefined
  if (first && isRecord(first.value) && optionalText(first.value.file)) {
    const page = first.value
    root = {kind: 'file', path: optionalText(page.file)!, title: optionalText(page.title), children: [], at: ctx.source.locate(first.path)}
    for (const key of ['sections', 'chapters']) {
      if (Array.isArray(page[key])) (page[key] as unknown[]).forEach((value, i) => top.push({value, path: [...first.path, key, i]}))
    }
  } else {
    const hint = 'Make the first entry `- file: <first page>`, or rewrite the toc in the current format (`format: jb-book`, `root: intro`).'
    ctx.report(bookDiagnostic('toc-invalid', 'The first entry of an old-format (list) table of contents must be the first page of the book, e.g. `- file: intro`', ctx.file, ctx.source.locate(first?.path ?? []), hint))
    if (first) top.push(first)
  }
  top.push(...rest)

  const numbered = first && isRecord(first.value) ? numberedOf(first.value.numbered) : undefined
  const isPart = (value: unknown) => isRecord(value) && PART_KEYS.some((key) => key in value)
  const read = ({value, path}: Located): TocEntry[] => {
    const entry = readEntry(value, path, entryContext)
    return entry ? [entry] : []
  }
  if (!top.some(({value}) => isPart(value))) {
    const entries = top.flatMap(read)
    return {format: 'legacy', root, parts: entries.length > 0 ? [{entries, numbered}] : [], hasParts: false}
  }
  const parts: TocPart[] = []
  let current: TocPart | undefined
  for (const located of top) {
    const {value, path} = located
    if (isPart(value)) {
      const part = value as Record<string, unknown>
      const key = PART_KEYS.find((k) => k in part)!
      current = {caption: optionalText(part[key]), numbered: numberedOf(part.numbered) ?? numbered, entries: [], at: ctx.source.locate(path)}
      for (const childKey of ['chapters', 'sections']) current.entries.push(...readEntries(part[childKey], [...path, childKey], entryContext))
      parts.push(current)
      continue
    }
    // Pages after a `header:` belong to it; pages before any part form an untitled first part.
    if (!current) parts.push((current = {entries: [], numbered}))
    current.entries.push(...read(located))
  }
  return {format: 'legacy', root, parts, hasParts: true}
}
