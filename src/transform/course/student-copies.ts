import type {VFile} from 'vfile'
import {emit} from '../../diagnostics/message.js'
import {seesTutorContent} from './audience.js'
import {studentNotebook} from './student-notebook.js'

/**
 * What a student build hands out besides the page: the notebook download,
 * cleaned of tutor-only content (`data`; undefined when the notebook can be
 * copied as it is, and always in a tutor build), and how much was removed.
 */
export function notebookDownload(notebook: unknown, audience: string | undefined): {data?: string; removed: number} {
  if (seesTutorContent(audience)) return {removed: 0}
  const cleaned = studentNotebook(notebook)
  return cleaned.removed > 0 ? {data: cleaned.json, removed: cleaned.removed} : {removed: 0}
}

/**
 * The rule for launch links (Binder, JupyterHub, JupyterLite, Colab) on a
 * page that lost tutor-only content in a student build: they are withheld,
 * since each opens the file in the repository, which still holds that
 * content. True (with a `launch-withheld` info diagnostic) when `removed`
 * is not 0.
 */
export function launchWithheld(file: VFile, removed: number): boolean {
  if (removed === 0) return false
  emit(file, 'launch-withheld', 'No launch link on this page: tutor-only content was removed from it for students, and the link would open the repository\'s copy, which still has it', {stage: 'course'})
  return true
}
