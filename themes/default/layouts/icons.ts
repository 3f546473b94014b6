import {raw, type SafeHtml} from '../../../src/render/layout/html.js'

// Drawn with strokes in `currentColor`, so icons follow the text colour in
// both schemes and in forced-colours mode; hidden from assistive technology
// because the text beside each one says the same.
function icon(paths: string): SafeHtml {
  return raw(
    `<svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`,
  )
}

/** A clock, for study times. */
export const clockIcon = icon('<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>')

/** An arrow leaving a box, for launching on Binder. */
export const launchIcon = icon('<path d="M14 4h6v6"/><path d="M20 4l-9 9"/><path d="M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5"/>')

/** An arrow into a tray, for downloads. */
export const downloadIcon = icon('<path d="M12 4v11"/><path d="M7 10l5 5 5-5"/><path d="M5 20h14"/>')

/** An open book, for readings. */
export const readingIcon = icon('<path d="M3 5h6a3 3 0 0 1 3 3v12a2 2 0 0 0-2-2H3z"/><path d="M21 5h-6a3 3 0 0 0-3 3v12a2 2 0 0 1 2-2h7z"/>')

/** A notebook with a code prompt, for Jupyter notebooks. */
export const notebookIcon = icon('<rect x="4" y="3" width="16" height="18" rx="2"/><path d="M8 9l3 3-3 3"/><path d="M13 15h3"/>')
