import type {Theme} from '../../src/render/layout/types.js'
import {theme as defaultTheme} from '../default/index.js'
import {findAssetsDir} from '../default/assets-dir.js'

/**
 * The default theme's layouts and stylesheet with a light covering of
 * branding: a header band in the brand colour with the course's logo
 * (`theme.logo`) and accent-coloured headings. Set the colours with
 * `theme.colours` (`brand`, `brandText`, `accent`, …); no institution's
 * marks are built in.
 */
export const theme: Theme = {
  ...defaultTheme,
  parent: defaultTheme,
  assetsDir: findAssetsDir(import.meta.url, 'institutional'),
  stylesheets: ['institutional.css'],
}
