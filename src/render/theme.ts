import type {ResolvedConfig} from '../config/schema.js'
import type {Theme} from './layout/types.js'

/** The theme named in the config. Only built-in themes exist so far. */
export async function loadTheme(config: ResolvedConfig): Promise<Theme> {
  switch (config.theme.name) {
    case 'default':
      return (await import('../../themes/default/index.js')).theme
  }
}
