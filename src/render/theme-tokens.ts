import type {ThemeConfig} from '../config/schema.js'

/** Config token name → the CSS custom property the themes read. */
const PROPERTIES: Record<string, string> = {
  accent: '--color-accent',
  accentHover: '--color-accent-hover',
  accentSoft: '--color-accent-soft',
  accentContrast: '--color-accent-contrast',
  brand: '--color-brand',
  brandText: '--color-brand-text',
}

type Tokens = Omit<NonNullable<ThemeConfig['colours']>, 'dark'>

/**
 * The stylesheet that applies a course's colour tokens over the theme's:
 * light values on `:root`, dark values under `prefers-color-scheme: dark`.
 * Empty when the config sets none. Values were checked by the config schema
 * to be CSS colours, so nothing else can reach the stylesheet.
 */
export function tokensStylesheet(colours: ThemeConfig['colours']): string {
  if (!colours) return ''
  const {dark, ...light} = colours
  const block = (tokens: Tokens | undefined) =>
    Object.entries(tokens ?? {})
      .filter(([name, value]) => value !== undefined && name in PROPERTIES)
      .map(([name, value]) => `  ${PROPERTIES[name]}: ${value};`)
      .join('\n')
  const parts: string[] = []
  const lightBlock = block(light)
  if (lightBlock) parts.push(`:root {\n${lightBlock}\n}`)
  const darkBlock = block(dark)
  if (darkBlock) parts.push(`@media (prefers-color-scheme: dark) {\n:root {\n${darkBlock.replace(/^/gm, '  ')}\n}\n}`)
  return parts.length > 0 ? `/* Colour tokens from site.config.ts (theme.colours). */\n${parts.join('\n')}\n` : ''
}
