import { Skeleton } from '@mantine/core'
import { useEffect, useState } from 'react'
import { qrSvg, svgDataUri } from '../lib/qr'

/** A QR code of `value` with its alternative text; a placeholder of the same size while it is drawn. */
export function QrCode({ value, alt, size = 192 }: { value: string; alt: string; size?: number }) {
  const [src, setSrc] = useState<string>()
  useEffect(() => {
    let cancelled = false
    setSrc(undefined)
    qrSvg(value).then((svg) => { if (!cancelled) setSrc(svgDataUri(svg)) }).catch(() => { /* the secret key and the link stay on the page */ })
    return () => { cancelled = true }
  }, [value])
  if (!src) return <Skeleton width={size} height={size} aria-hidden />
  return <img src={src} alt={alt} width={size} height={size} style={{ display: 'block', background: '#fff' }} />
}
