import {html, type SafeHtml} from '../../../src/render/layout/html.js'
import type {PageLayoutData} from '../../../src/render/layout/types.js'
import {link} from './format.js'
import {downloadIcon, launchIcon} from './icons.js'

type LaunchLink = NonNullable<PageLayoutData['page']['launch']>[number]

/**
 * The notebook's actions: the first launch link as the main button (the links
 * that leave the site, to absolute URLs), the other launchers in a `<details>`
 * menu that opens without JavaScript, and "Download notebook". Nothing when
 * the page has neither launch links nor a download.
 */
export function renderLaunch(data: PageLayoutData): SafeHtml {
  const {launch = [], downloadHref} = data.page
  const [main, ...more] = launch
  if (!main && !downloadHref) return html``
  return html`<div class="launch">
${main ? html`<a class="button button-launch button-${main.type}" href="${main.url}">${launchIcon}${main.label}</a>` : ''}
${more.length > 0 ? renderMore(more) : ''}
${downloadHref ? html`<a class="button" href="${link(data, downloadHref)}" download>${downloadIcon}Download notebook</a>` : ''}
</div>`
}

function renderMore(links: LaunchLink[]): SafeHtml {
  return html`<details class="launch-more">
<summary class="button">More ways to run it</summary>
<ul class="launch-menu">
${links.map((l) => html`<li><a class="launch-option launch-${l.type}" href="${l.url}">${launchIcon}${l.label}</a></li>\n`)}</ul>
</details>`
}
