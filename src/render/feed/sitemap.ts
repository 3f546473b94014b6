import {absoluteUrl, element, textElement} from './xml.js'

/** Where the sitemap is written in the site. */
export const SITEMAP_PATH = 'sitemap.xml'

const SITEMAPS = 'http://www.sitemaps.org/schemas/sitemap/0.9'

/** A sitemap (sitemaps.org 0.9) listing `hrefs`, site-root-relative, as absolute URLs under `baseUrl`. */
export function sitemap(baseUrl: string, hrefs: readonly string[]): string {
  const urls = hrefs.map((href) => element('url', {}, textElement('loc', absoluteUrl(baseUrl, href))))
  return `<?xml version="1.0" encoding="utf-8"?>\n${element('urlset', {xmlns: SITEMAPS}, `\n${urls.join('\n')}\n`)}\n`
}
