/** Number and date formatting for the status page, in the course's language (English when the tag is not valid). */
export interface StatusFormat {
  number(value: number): string
  date(iso: string): string
  minutes(value: number): string
  /** `1,234 / 2,000 words (62%)`, or `2,400 / 2,000 words (120%, 400 over)`. */
  progress(value: number, target: number, unit: string): string
}

export function statusFormat(language: string): StatusFormat {
  const numbers = safely(() => new Intl.NumberFormat(language), () => new Intl.NumberFormat('en'))
  // UTC, so the page reads the same wherever it is built.
  const dates = safely(() => new Intl.DateTimeFormat(language, {dateStyle: 'medium', timeZone: 'UTC'}), () => new Intl.DateTimeFormat('en', {dateStyle: 'medium', timeZone: 'UTC'}))
  const minutes = (value: number) => {
    const total = Math.max(0, Math.round(value))
    const hours = Math.floor(total / 60)
    const rest = total % 60
    if (hours === 0) return `${rest} min`
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`
  }
  return {
    number: (value) => numbers.format(value),
    date: (iso) => {
      const date = new Date(iso)
      return Number.isNaN(date.getTime()) ? iso : dates.format(date)
    },
    minutes,
    progress(value, target, unit) {
      const percent = target > 0 ? Math.round((value / target) * 100) : 0
      const show = unit === 'min' ? minutes : (n: number) => numbers.format(n)
      const over = value > target ? `, ${show(value - target)} over` : ''
      return `${show(value)} / ${show(target)}${unit === 'min' ? '' : ` ${unit}`} (${percent}%${over})`
    },
  }
}

function safely<T>(make: () => T, fallback: () => T): T {
  try {
    return make()
  } catch {
    return fallback()
  }
}
