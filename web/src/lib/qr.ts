/**
 * A QR code as an SVG image, drawn in the browser (`qrcode`, no network, no
 * server round trip: the authenticator's secret never leaves the page it was
 * sent to). Loaded on demand so the sign-in page's first paint does not wait
 * for it. Its own module so a test can draw the same code and compare.
 */
export const QR_OPTIONS = { type: 'svg', errorCorrectionLevel: 'M', margin: 2 } as const

export async function qrSvg(value: string): Promise<string> {
  const { default: QRCode } = await import('qrcode')
  return QRCode.toString(value, QR_OPTIONS)
}

/** The SVG as an image source (an <img> carries the alt text screen readers read). */
export const svgDataUri = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
