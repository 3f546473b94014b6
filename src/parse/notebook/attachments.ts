import type {Definition, Image, Root, RootContent} from 'mdast'
import {visit} from '../../pipeline/visit.js'
import type {VFile} from 'vfile'
import {emit} from '../../diagnostics/message.js'
import {pageAssetPath, mimeExtension} from '../../pipeline/asset-path.js'
import {asRecord, isRecord, joinText, own} from './json-values.js'

const prefix = 'attachment:'

/**
 * Turn the `attachment:NAME` images of one Markdown cell into files: each is
 * decoded from the cell's `attachments[NAME]` (its first MIME type; base64,
 * or SVG text), pushed once onto `file.data.coursebook.assets` at
 * `pageAssetPath`, and the node's url becomes that file's page-relative URL.
 * Link reference definitions with such a url are handled the same way. A
 * name the cell does not attach is an `attachment-missing` warning and the
 * url is left as it was.
 */
export function resolveAttachments(content: RootContent[], attachments: unknown, file: VFile, cell: number): void {
  const data = file.data.coursebook
  if (!data) return
  const bundles = asRecord(attachments)
  const root: Root = {type: 'root', children: content}
  visit(root, (node): void => {
    if (node.type !== 'image' && node.type !== 'definition') return
    const target: Image | Definition = node
    if (!target.url.startsWith(prefix)) return
    const name = target.url.slice(prefix.length)
    const bundle = own(bundles, name) ?? own(bundles, decoded(name))
    const decodedFile = isRecord(bundle) ? decodeBundle(bundle) : undefined
    if (!decodedFile) {
      const known = Object.keys(bundles)
      const listed = known.length > 0 ? `; it has ${known.map(key => JSON.stringify(key)).join(', ')}` : '; it has none'
      const problem = isRecord(bundle) ? 'is empty or unreadable' : 'is not attached to this cell'
      emit(file, 'attachment-missing', `Attachment ${JSON.stringify(name)} ${problem}${listed}`, {stage: 'notebook', node: target, cell})
      return
    }
    const {outPath, url} = pageAssetPath(data.source.outPath, decodedFile.bytes, mimeExtension(decodedFile.mime))
    if (!data.assets.some(asset => asset.outPath === outPath)) data.assets.push({outPath, data: decodedFile.bytes})
    target.url = url
  })
}

function decodeBundle(bundle: Record<string, unknown>): {mime: string; bytes: Buffer} | undefined {
  const [mime, value] = Object.entries(bundle)[0] ?? []
  if (mime === undefined) return undefined
  const text = joinText(value)
  // JupyterLab stores every attachment as base64, but some tools store SVG as text.
  const bytes = /^\s*</.test(text) ? Buffer.from(text, 'utf8') : Buffer.from(text.replace(/\s+/g, ''), 'base64')
  return bytes.length > 0 ? {mime, bytes} : undefined
}

function decoded(name: string): string {
  try {
    return decodeURIComponent(name)
  } catch {
    return name
  }
}
