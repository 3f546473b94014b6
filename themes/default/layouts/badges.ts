import {html, type SafeHtml} from '../../../src/render/layout/html.js'
import type {PageNav} from '../../../src/render/layout/types.js'
import {formatKind, formatStudyTime} from './format.js'
import {clockIcon, notebookIcon, readingIcon} from './icons.js'

/** A study-time badge (`3 h 30 min`), or nothing when no time is declared. */
export function studyTimeBadge(minutes: number | undefined): SafeHtml {
  if (minutes === undefined) return html``
  return html`<span class="badge badge-time">${clockIcon}<span class="visually-hidden">Study time: </span>${formatStudyTime(minutes)}</span>`
}

/** A badge naming the kind of page: notebook or reading. */
export function kindBadge(kind: PageNav['kind']): SafeHtml {
  return html`<span class="badge badge-kind badge-${kind}">${kind === 'notebook' ? notebookIcon : readingIcon}${formatKind(kind)}</span>`
}
