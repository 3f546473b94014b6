import type {Theme} from '../../src/render/layout/types.js'
import {findAssetsDir} from './assets-dir.js'
import {renderGlossary} from './layouts/glossary.js'
import {renderHome} from './layouts/home.js'
import {renderPage} from './layouts/page.js'
import {renderSearch} from './layouts/search.js'
import {renderUnit} from './layouts/unit.js'

/**
 * The default coursebook theme: a sidebar of units and pages, an in-page table
 * of contents, light and dark colour schemes, a print stylesheet, and no
 * network requests; no JavaScript except on the search page.
 */
export const theme: Theme = {
  home: renderHome,
  unit: renderUnit,
  page: renderPage,
  search: renderSearch,
  glossary: renderGlossary,
  assetsDir: findAssetsDir(import.meta.url),
  stylesheets: ['theme.css'],
}
