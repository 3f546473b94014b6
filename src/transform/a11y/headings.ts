import type {Heading} from 'mdast'
import type {VFile} from 'vfile'
import {emit} from '../../diagnostics/message.js'

/**
 * A check of heading levels in document order: a heading more than one level
 * below the one before it skips a level (`heading-level-skipped`). The page
 * title is the level-1 heading every page starts with, so the first heading
 * of the body may be at most level 2.
 */
export function headingLevelCheck(file: VFile): (heading: Heading) => void {
  let previous = 1
  return (heading) => {
    if (heading.depth > previous + 1) {
      emit(file, 'heading-level-skipped', `A level-${heading.depth} heading follows a level-${previous} heading${previous === 1 ? ' (the page title)' : ''}; level ${previous + 1} is skipped`, {
        node: heading,
        stage: 'a11y',
      })
    }
    previous = heading.depth
  }
}
