import * as z from 'zod'

/** The names a toc format gives to a document's list of subtrees and to a subtree's entries. */
export interface TocKeys {
  subtrees: string
  items: string
}

export type ModernFormat = 'jb-book' | 'jb-article' | 'default'

/**
 * The key names of each format, as sphinx-external-toc defines them: at the
 * top (the root's own lists) and at every level below. jb-book's top level
 * is `parts` of `chapters`; every page below has `sections`.
 */
export const FORMAT_KEYS: Record<ModernFormat, {top: TocKeys; nested: TocKeys}> = {
  'jb-book': {top: {subtrees: 'parts', items: 'chapters'}, nested: {subtrees: 'subtrees', items: 'sections'}},
  'jb-article': {top: {subtrees: 'subtrees', items: 'sections'}, nested: {subtrees: 'subtrees', items: 'sections'}},
  default: {top: {subtrees: 'subtrees', items: 'entries'}, nested: {subtrees: 'subtrees', items: 'entries'}},
}

/** Options a subtree (a Sphinx toctree) takes, in a part, under `options`, or under `defaults`. */
export const TOCTREE_OPTIONS = ['caption', 'hidden', 'maxdepth', 'numbered', 'reversed', 'titlesonly', 'style', 'restart_numbering'] as const

/** Keys the root mapping may have besides its format's two lists. */
export const ROOT_KEYS = ['root', 'format', 'title', 'defaults', 'meta', 'options'] as const

/** Keys an entry may have besides its format's two lists. */
export const ENTRY_KEYS = ['file', 'url', 'glob', 'title', 'options'] as const

/** Keys of an entry in the old (Jupyter Book ≤0.10) list format. */
export const LEGACY_KEYS = [
  'file', 'url', 'title', 'sections', 'chapters', 'part', 'chapter', 'header', 'numbered',
  'expand_sections', 'not_numbered', 'search', 'divider', 'external', 'class',
] as const

const toctreeOptionShape = {
  caption: z.string().nullable().optional(),
  hidden: z.boolean().optional(),
  maxdepth: z.int().optional(),
  numbered: z.union([z.boolean(), z.int()]).optional(),
  reversed: z.boolean().optional(),
  titlesonly: z.boolean().optional(),
  style: z.union([z.string(), z.array(z.string())]).optional(),
  restart_numbering: z.boolean().optional(),
}
const toctreeOptions = z.strictObject(toctreeOptionShape)
const path = z.string().min(1)
const title = z.string().nullable().optional()

/** A subtree (a part) holding entries under `keys.items`. */
function subtreeSchema(itemsKey: string, entry: z.ZodType) {
  return z.strictObject({...toctreeOptionShape, [itemsKey]: z.array(entry).min(1)})
}

/** An entry, and recursively the pages below it, all using the `nested` key names. */
function entrySchema(keys: TocKeys): z.ZodType {
  const entry: z.ZodType = z.lazy(() =>
    z.strictObject({
      file: path.optional(),
      url: path.optional(),
      glob: path.optional(),
      title,
      options: toctreeOptions.optional(),
      [keys.subtrees]: z.array(subtreeSchema(keys.items, entry)).min(1).optional(),
      [keys.items]: z.array(entry).min(1).optional(),
    }),
  )
  return entry
}

/**
 * The structural schema of a jb-book, jb-article or general-form toc: key
 * names and types, strictly (an unknown key is a problem, as
 * sphinx-external-toc reports it). What an entry must contain (exactly one
 * of file, url and glob) is checked while reading the entries, where the
 * message can name the entry.
 */
export function modernTocSchema(format: ModernFormat): z.ZodType {
  let schema = built.get(format)
  if (!schema) built.set(format, (schema = buildModernSchema(format)))
  return schema
}

const built = new Map<ModernFormat, z.ZodType>()

function buildModernSchema(format: ModernFormat): z.ZodType {
  const {top, nested} = FORMAT_KEYS[format]
  const entry = entrySchema(nested)
  return z.strictObject({
    root: path,
    format: z.enum(['jb-book', 'jb-article']).optional(),
    title,
    defaults: toctreeOptions.optional(),
    meta: z.record(z.string(), z.unknown()).nullable().optional(),
    options: toctreeOptions.optional(),
    [top.subtrees]: z.array(subtreeSchema(top.items, entry)).min(1).optional(),
    [top.items]: z.array(entry).min(1).optional(),
  })
}

const legacyEntry: z.ZodType = z.lazy(() =>
  z.strictObject({
    file: path.optional(),
    url: path.optional(),
    title,
    sections: z.array(legacyEntry).optional(),
    chapters: z.array(legacyEntry).optional(),
    part: z.string().optional(),
    chapter: z.string().optional(),
    header: z.string().optional(),
    numbered: z.union([z.boolean(), z.int()]).optional(),
    expand_sections: z.boolean().optional(),
    not_numbered: z.boolean().optional(),
    search: z.boolean().optional(),
    divider: z.boolean().optional(),
    external: z.boolean().optional(),
    class: z.string().optional(),
  }),
)

/** The old format: a list whose first entry is the first page, or (rarely) that one entry as a mapping. */
export const legacyTocSchema = {list: z.array(legacyEntry).min(1), single: legacyEntry}
