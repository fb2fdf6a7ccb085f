/** Amounts of money on screens: grouped digits, then "đ" joined by a non-breaking space so the two never wrap apart. */
import type { Lang } from '../../../shared/i18n/messages'

export const NBSP = '\u00a0'

/** 120000 → "120.000 đ" (vi) or "120,000 đ" (en), the space non-breaking. */
export const money = (n: number, lang: Lang): string =>
  `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n)}${NBSP}đ`
