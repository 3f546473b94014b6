import type {Node, Position} from 'unist'
import type {VFile} from 'vfile'
import {emit} from '../../diagnostics/message.js'

/** Longer alt text than this is hard to listen to; a long description belongs in the text or a caption. */
export const ALT_TEXT_LIMIT = 150

/**
 * Report an image whose alt text is missing (`image-alt-missing`) or longer
 * than `ALT_TEXT_LIMIT` characters (`image-alt-long`). `alt` is undefined or
 * blank when there is none; `what` names the image in the message.
 */
export function checkAltText(file: VFile, alt: string | undefined, what: string, at: {node: Node; place?: Position}): void {
  const text = alt?.trim() ?? ''
  if (text === '') {
    emit(file, 'image-alt-missing', `${what} has no alt text`, {...at, stage: 'a11y'})
  } else if (text.length > ALT_TEXT_LIMIT) {
    emit(file, 'image-alt-long', `The alt text of ${lowerFirst(what)} is ${text.length} characters long (more than ${ALT_TEXT_LIMIT}): "${text.slice(0, 40)}…"`, {...at, stage: 'a11y'})
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
