import {isUtf8} from 'node:buffer'
import type {VFile} from 'vfile'
import {emit} from '../diagnostics/message.js'

/**
 * Decode a page's bytes as UTF-8. Bytes that are not UTF-8 (a file saved as
 * Windows-1252 or Latin-1, or a binary file) become U+FFFD, and the file gets
 * one `text-encoding-invalid` warning placed at the first of them, so the
 * author learns why the page shows `�`. A byte-order mark is kept; the
 * parsers skip it. Never throws.
 */
export function decodeText(bytes: Uint8Array, file: VFile): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
  if (isUtf8(bytes)) return text
  const at = text.indexOf('\uFFFD')
  const before = text.slice(0, Math.max(0, at))
  const line = before.split('\n').length
  const column = at - before.lastIndexOf('\n')
  emit(file, 'text-encoding-invalid', 'The file is not valid UTF-8: bytes that cannot be decoded are shown as �', {
    stage: 'read',
    place: at === -1 ? undefined : {line, column},
  })
  return text
}
