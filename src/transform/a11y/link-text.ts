import type {Node, Position} from 'unist'
import type {VFile} from 'vfile'
import {emit} from '../../diagnostics/message.js'

/** Link texts that say nothing about where the link goes, once lower-cased and stripped of punctuation. */
const VAGUE = new Set([
  'here', 'click here', 'click', 'link', 'this', 'this link', 'this page', 'this site', 'click this link',
  'more', 'read more', 'more info', 'more information', 'learn more', 'go', 'see here', 'page',
])

/**
 * Report a link whose text does not say where it leads (`link-text-vague`):
 * "click here", "here", "link", "this"… or no text at all. Screen reader users
 * often move from link to link, hearing only the text.
 */
export function checkLinkText(file: VFile, text: string, at: {node: Node; place?: Position}): void {
  const normal = text.toLowerCase().replace(/[\s\u00a0]+/g, ' ').replace(/^[\s"'“‘([]+|[\s"'”’)\].,:;!?…]+$/g, '')
  if (normal === '') {
    emit(file, 'link-text-vague', 'A link has no text, so a screen reader can only read out its address', {...at, stage: 'a11y'})
  } else if (VAGUE.has(normal)) {
    emit(file, 'link-text-vague', `The link text "${text.trim()}" does not say where the link leads`, {...at, stage: 'a11y'})
  }
}
