import {html, type SafeHtml} from '../../../src/render/layout/html.js'
import type {PageLayoutData} from '../../../src/render/layout/types.js'
import {link} from './format.js'
import {downloadIcon, launchIcon} from './icons.js'

/**
 * The notebook's actions: "Launch on Binder" (the one link that leaves the
 * site, to the absolute Binder URL) and "Download notebook". Nothing when the
 * page has neither.
 */
export function renderLaunch(data: PageLayoutData): SafeHtml {
  const {binderUrl, downloadHref} = data.page
  if (!binderUrl && !downloadHref) return html``
  return html`<div class="launch">
${binderUrl ? html`<a class="button button-binder" href="${binderUrl}">${launchIcon}Launch on Binder</a>` : ''}
${downloadHref ? html`<a class="button" href="${link(data, downloadHref)}" download>${downloadIcon}Download notebook</a>` : ''}
</div>`
}
