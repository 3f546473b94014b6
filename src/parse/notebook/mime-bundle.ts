import {asRecord, asString, joinText, type JsonObject} from './json-values.js'

/** The MIME types coursebook renders, best first: an output shows the first one it has. */
export const mimePriority = [
  'application/vnd.jupyter.widget-view+json',
  'image/svg+xml',
  'image/png',
  'image/jpeg',
  'image/gif',
  'text/html',
  'text/markdown',
  'text/latex',
  'application/json',
  'text/plain',
] as const

/** The MIME type of a Jupyter widget view; its data names the widget's model. */
export const widgetViewMime = 'application/vnd.jupyter.widget-view+json'

const known = new Set<string>(mimePriority)
const binaryImages = new Set(['image/png', 'image/jpeg', 'image/gif'])

/** The MIME type an output bundle is shown as, and the types it has that coursebook cannot render. */
export interface MimeChoice {
  /** The chosen type; undefined when none of the bundle's types is renderable. */
  mime?: (typeof mimePriority)[number]
  unrenderable: string[]
}

/** Choose by `mimePriority`; also list the bundle's types that are not in it. */
export function chooseMime(bundle: JsonObject): MimeChoice {
  return {
    mime: mimePriority.find(mime => Object.hasOwn(bundle, mime)),
    unrenderable: Object.keys(bundle).filter(mime => !known.has(mime)),
  }
}

/**
 * The text of one MIME type's data: base64 without line breaks for binary
 * images, pretty-printed JSON for `application/json`, the model id for a
 * widget view, else the joined multiline string.
 */
export function mimeValue(mime: string, data: unknown): string {
  if (mime === widgetViewMime) return asString(asRecord(data).model_id)
  if (binaryImages.has(mime)) return joinText(data).replace(/\s+/g, '')
  if (mime === 'application/json') return JSON.stringify(data ?? null, null, 2)
  return joinText(data)
}

/**
 * The metadata of the chosen type: `metadata[mime]` when it is an object,
 * plus the output-level `width` and `height` that some libraries set instead
 * (the per-type values win when both are given).
 */
export function mimeMetadata(mime: string, metadata: unknown): Record<string, unknown> {
  const outputLevel = asRecord(metadata)
  const result: Record<string, unknown> = {}
  for (const key of ['width', 'height']) if (Object.hasOwn(outputLevel, key)) result[key] = outputLevel[key]
  return {...result, ...asRecord(outputLevel[mime])}
}
