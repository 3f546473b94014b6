import {asArray, asRecord, asString, isRecord, joinText, own, type JsonObject} from './json-values.js'

/** nbformat 3 output keys and the MIME types nbformat 4 stores them under. */
const v3MimeTypes: Readonly<Record<string, string>> = {
  text: 'text/plain',
  html: 'text/html',
  markdown: 'text/markdown',
  latex: 'text/latex',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpeg: 'image/jpeg',
  pdf: 'application/pdf',
  json: 'application/json',
  javascript: 'application/javascript',
}

/**
 * Upgrade an nbformat 3 notebook to nbformat 4.4 in memory, without touching
 * the input. Worksheets are flattened into `cells`; heading cells become
 * Markdown `#` headings; code cells get `source`, `execution_count` and v4
 * outputs; the notebook language (v3 `metadata.language`, else the first code
 * cell's `language`) becomes `metadata.language_info.name`. Tolerates any
 * field being missing or of the wrong type.
 */
export function upgradeV3(notebook: JsonObject): JsonObject {
  const {name: _name, signature: _signature, language, ...metadata} = asRecord(notebook.metadata)
  const v3Cells = asArray(notebook.worksheets).flatMap(sheet => asArray(asRecord(sheet).cells))
  const cellLanguage = v3Cells.map(cell => asRecord(cell)).find(cell => cell.cell_type === 'code')?.language
  const name = asString(language) || asString(cellLanguage)
  if (name && !isRecord(metadata.language_info)) metadata.language_info = {name}
  metadata.orig_nbformat = 3
  return {
    metadata,
    nbformat: 4,
    // Minor 4, not 5: 4.5 would require cell ids, which v3 cells never had.
    nbformat_minor: 4,
    cells: v3Cells.map(upgradeCell),
  }
}

function upgradeCell(value: unknown): unknown {
  if (!isRecord(value)) return value
  const metadata = asRecord(value.metadata)
  switch (value.cell_type) {
    case 'heading': {
      const level = typeof value.level === 'number' ? Math.min(Math.max(Math.trunc(value.level), 1), 6) : 1
      // A heading is one line in Markdown, so a wrapped v3 heading is joined.
      const text = joinText(value.source).split(/\r?\n/).join(' ').trim()
      return {cell_type: 'markdown', metadata, source: `${'#'.repeat(level)} ${text}`}
    }
    case 'code': {
      const {collapsed} = value
      return {
        cell_type: 'code',
        metadata: typeof collapsed === 'boolean' ? {...metadata, collapsed} : metadata,
        source: own(value, 'input') ?? '',
        execution_count: typeof value.prompt_number === 'number' ? value.prompt_number : null,
        outputs: asArray(value.outputs).map(upgradeOutput),
      }
    }
    case 'html':
      return {cell_type: 'markdown', metadata, source: own(value, 'source') ?? ''}
    default:
      return {...value, metadata}
  }
}

function upgradeOutput(value: unknown): unknown {
  if (!isRecord(value)) return value
  switch (value.output_type) {
    case 'pyout':
    case 'display_data':
      return upgradeRichOutput(value)
    case 'pyerr': {
      const {output_type: _type, ...rest} = value
      return {output_type: 'error', ...rest}
    }
    case 'stream': {
      const {stream, ...rest} = value
      return {...rest, name: typeof stream === 'string' ? stream : 'stdout'}
    }
    default:
      return value
  }
}

function upgradeRichOutput(value: JsonObject): JsonObject {
  const data: JsonObject = {}
  for (const [key, item] of Object.entries(value)) {
    if (key === 'output_type' || key === 'prompt_number' || key === 'metadata') continue
    const mime = v3MimeTypes[key] ?? key
    // v3 stored JSON output as a string; v4 stores the value itself.
    data[mime] = mime === 'application/json' ? parseJsonText(item) : item
  }
  const metadata: JsonObject = {}
  for (const [key, item] of Object.entries(asRecord(value.metadata))) metadata[v3MimeTypes[key] ?? key] = item
  if (value.output_type === 'display_data') return {output_type: 'display_data', data, metadata}
  const count = typeof value.prompt_number === 'number' ? value.prompt_number : null
  return {output_type: 'execute_result', execution_count: count, data, metadata}
}

function parseJsonText(value: unknown): unknown {
  if (typeof value !== 'string' && !Array.isArray(value)) return value
  try {
    return JSON.parse(joinText(value))
  } catch {
    return value
  }
}
