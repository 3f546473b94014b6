import type {Root} from 'mdast'
import {visit} from '../pipeline/visit.js'
import type {VFile} from 'vfile'
import type {RichOutput} from '../pipeline/types.js'
import {pageAssetPath} from '../pipeline/asset-path.js'

// MIME type → file extension of the image outputs written as files.
const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/**
 * Write every PNG, JPEG, GIF and SVG output as a file beside its page: the
 * data is decoded (base64; SVG is text, written as UTF-8), pushed as an
 * asset at `<page>_files/<sha1, 12 hex>.<ext>`, and `output.url` is set to
 * that path relative to the page's folder. Identical images share one file.
 * Unreadable or empty data leaves `url` unset; images are never inlined as
 * `data:` URIs. Needs `file.data.coursebook.source.outPath`; without it
 * nothing is written.
 */
export function outputFilesTransform(tree: Root, file: VFile): void {
  const data = file.data.coursebook
  const pageOutPath = data?.source?.outPath
  if (!data || typeof pageOutPath !== 'string') return
  const written = new Set(data.assets.map((asset) => asset.outPath))

  visit(tree, 'notebookOutput', (node) => {
    if (node.outputType !== 'execute_result' && node.outputType !== 'display_data') return
    const output: RichOutput = node
    const mime = typeof output.mime === 'string' ? output.mime.split(';')[0]!.trim().toLowerCase() : ''
    const ext = Object.hasOwn(EXTENSIONS, mime) ? EXTENSIONS[mime] : undefined
    if (!ext) return
    delete output.url
    const bytes = decode(output.value, ext === 'svg')
    if (!bytes) return
    const {outPath, url} = pageAssetPath(pageOutPath, bytes, ext)
    if (!written.has(outPath)) {
      written.add(outPath)
      data.assets.push({outPath, data: bytes})
    }
    output.url = url
  })
}

// Notebooks wrap base64 over lines, and a few tools save a whole data: URI.
function decode(value: unknown, isText: boolean): Uint8Array | undefined {
  if (typeof value !== 'string') return undefined
  if (isText) return value.trim() === '' ? undefined : new TextEncoder().encode(value)
  const base64 = value.replace(/^\s*data:[^,]*;base64,/i, '').replace(/\s+/g, '')
  if (base64 === '' || base64.length % 4 === 1 || !BASE64.test(base64)) return undefined
  const bytes = Buffer.from(base64, 'base64')
  // Copied: small Buffers are views into a shared pool.
  return bytes.length === 0 ? undefined : new Uint8Array(bytes)
}
