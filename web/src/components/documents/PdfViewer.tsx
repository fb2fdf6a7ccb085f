/**
 * The in-browser PDF viewer (pdf.js, loaded only when this component
 * mounts): one page at a time on a canvas with the text layer over it (so
 * the text can be selected, searched with Ctrl+F and read by screen
 * readers), page navigation, zoom and fit-to-width, all keyboard-reachable:
 * on the focused page, ←/→ (PageUp/PageDown) change page, Home/End go to the
 * first/last page, + and − zoom, 0 fits the width.
 */
import { ActionIcon, Alert, Button, Group, Loader, NumberInput, Paper, Stack, Text } from '@mantine/core'
import { IconArrowsHorizontal, IconChevronLeft, IconChevronRight, IconDownload, IconFileAlert, IconZoomIn, IconZoomOut } from '@tabler/icons-react'
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PDFDocumentProxy, RenderTask, TextLayer } from 'pdfjs-dist'
import { loadPdfjs } from '../../lib/pdf'
import './pdf-viewer.css'

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3]
type Zoom = { fit: true } | { fit: false; scale: number }

/** `initialPage`: the page to open at (a citation's `?page=`). */
export function PdfViewer({ url, fileName, title, initialPage = 1 }: { url: string; fileName: string; title: string; initialPage?: number }) {
  const { t } = useTranslation()
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [pageNo, setPageNo] = useState(1)
  const [pageInput, setPageInput] = useState<number | string>(1)
  const [zoom, setZoom] = useState<Zoom>({ fit: true })
  const [scale, setScale] = useState(1)
  const [rendering, setRendering] = useState(false)
  const [width, setWidth] = useState(0)
  const stageRef = useRef<HTMLDivElement>(null)
  const pageRef = useRef<HTMLDivElement>(null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const textRef = useRef<HTMLDivElement>(null)
  const helpId = useId()

  // Load the library and the file (bytes fetched here: the link is short-lived and cross-origin).
  useEffect(() => {
    let live = true
    let loaded: PDFDocumentProxy | null = null
    setDoc(null)
    setError(null)
    setPageNo(1)
    setPageInput(1)
    ;(async () => {
      const lib = await loadPdfjs()
      const res = await fetch(url)
      if (!res.ok) throw new Error(`HTTP ${res.status}`)
      const data = new Uint8Array(await res.arrayBuffer())
      if (!live) return
      const task = lib.getDocument({ data, isEvalSupported: false })
      loaded = await task.promise
      if (!live) { void loaded.destroy(); return }
      const start = Math.min(Math.max(1, initialPage), loaded.numPages)
      setPageNo(start)
      setPageInput(start)
      setDoc(loaded)
    })().catch((e) => { if (live) setError(e) })
    return () => {
      live = false
      void loaded?.destroy()
    }
  }, [url, initialPage])

  // Follow the stage's width (fit-to-width and phones rotating).
  useEffect(() => {
    const el = stageRef.current
    if (!el) return
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0].contentRect.width)
      setWidth((cur) => (Math.abs(cur - w) > 4 ? w : cur))
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [doc])

  // Render the current page at the current zoom.
  useEffect(() => {
    if (!doc || !canvasRef.current || !textRef.current || !pageRef.current) return
    let cancelled = false
    let task: RenderTask | null = null
    let text: TextLayer | null = null
    setRendering(true)
    ;(async () => {
      const lib = await loadPdfjs()
      const page = await doc.getPage(pageNo)
      if (cancelled) return
      const base = page.getViewport({ scale: 1 })
      const s = zoom.fit ? Math.max(0.25, Math.min(4, (width || base.width) / base.width)) : zoom.scale
      setScale(s)
      const viewport = page.getViewport({ scale: s })
      const dpr = Math.min(window.devicePixelRatio || 1, 3)
      const canvas = canvasRef.current!
      canvas.width = Math.floor(viewport.width * dpr)
      canvas.height = Math.floor(viewport.height * dpr)
      canvas.style.width = `${Math.floor(viewport.width)}px`
      canvas.style.height = `${Math.floor(viewport.height)}px`
      const holder = pageRef.current!
      holder.style.width = `${Math.floor(viewport.width)}px`
      holder.style.height = `${Math.floor(viewport.height)}px`
      holder.style.setProperty('--scale-factor', String(s))
      holder.style.setProperty('--total-scale-factor', String(s))
      task = page.render({ canvas, viewport, transform: dpr !== 1 ? [dpr, 0, 0, dpr, 0, 0] : undefined })
      const layer = textRef.current!
      layer.replaceChildren()
      text = new lib.TextLayer({ textContentSource: page.streamTextContent(), container: layer, viewport })
      await Promise.all([task.promise, text.render()])
    })().then(
      () => { if (!cancelled) setRendering(false) },
      (e: unknown) => {
        if (cancelled || (e as { name?: string })?.name === 'RenderingCancelledException' || (e as { name?: string })?.name === 'AbortException') return
        setRendering(false)
        setError(e)
      },
    )
    return () => {
      cancelled = true
      task?.cancel()
      text?.cancel()
    }
  }, [doc, pageNo, zoom, width])

  const pages = doc?.numPages ?? 0
  const go = useCallback((n: number) => {
    if (!pages) return
    const p = Math.min(pages, Math.max(1, Math.round(n)))
    setPageNo(p)
    setPageInput(p)
    stageRef.current?.scrollTo({ top: 0 })
  }, [pages])
  const zoomBy = (dir: 1 | -1) => {
    const next = dir > 0 ? ZOOMS.find((z) => z > scale + 0.01) : [...ZOOMS].reverse().find((z) => z < scale - 0.01)
    if (next) setZoom({ fit: false, scale: next })
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    const keys: Record<string, () => void> = {
      ArrowRight: () => go(pageNo + 1), PageDown: () => go(pageNo + 1), ArrowLeft: () => go(pageNo - 1), PageUp: () => go(pageNo - 1),
      Home: () => go(1), End: () => go(pages), '+': () => zoomBy(1), '=': () => zoomBy(1), '-': () => zoomBy(-1), '0': () => setZoom({ fit: true }),
    }
    const fn = keys[e.key]
    if (fn) { e.preventDefault(); fn() }
  }

  const download = (
    <Button component="a" href={url} target="_blank" rel="noopener" variant="default" size="xs" leftSection={<IconDownload size={16} aria-hidden />}
      aria-label={t('docs.viewer.download', { name: fileName })}>
      {t('docs.viewer.downloadShort')}
    </Button>
  )

  if (error) {
    return (
      <Alert color="orange" variant="light" icon={<IconFileAlert aria-hidden />} title={t('docs.viewer.failed')} role="alert">
        <Stack gap="xs">
          <Text size="sm">{t('docs.viewer.failedText')}</Text>
          <Group>{download}</Group>
        </Stack>
      </Alert>
    )
  }

  return (
    <Stack gap="xs" component="section" aria-label={t('docs.viewer.label', { title })}>
      <Paper withBorder p={6}>
        <Group gap={6} justify="space-between" wrap="wrap" role="toolbar" aria-label={t('docs.viewer.toolbar')}>
          <Group gap={4} wrap="nowrap">
            <ActionIcon title={t('docs.viewer.prev')} variant="default" size="lg" onClick={() => go(pageNo - 1)} disabled={!pages || pageNo <= 1} aria-label={t('docs.viewer.prev')}><IconChevronLeft size={18} aria-hidden /></ActionIcon>
            <NumberInput aria-label={t('docs.viewer.page')} size="xs" w={64} min={1} max={pages || 1} value={pageInput} allowDecimal={false} hideControls
              onChange={setPageInput} onBlur={() => go(Number(pageInput) || pageNo)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); go(Number(pageInput) || pageNo) } }} disabled={!pages} />
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>/ {pages || '…'}</Text>
            <ActionIcon title={t('docs.viewer.next')} variant="default" size="lg" onClick={() => go(pageNo + 1)} disabled={!pages || pageNo >= pages} aria-label={t('docs.viewer.next')}><IconChevronRight size={18} aria-hidden /></ActionIcon>
          </Group>
          <Group gap={4} wrap="nowrap">
            <ActionIcon title={t('docs.viewer.zoomOut')} variant="default" size="lg" onClick={() => zoomBy(-1)} disabled={!pages || scale <= ZOOMS[0] + 0.01} aria-label={t('docs.viewer.zoomOut')}><IconZoomOut size={18} aria-hidden /></ActionIcon>
            <Text size="sm" w={48} ta="center">{Math.round(scale * 100)}%</Text>
            <ActionIcon title={t('docs.viewer.zoomIn')} variant="default" size="lg" onClick={() => zoomBy(1)} disabled={!pages || scale >= ZOOMS[ZOOMS.length - 1] - 0.01} aria-label={t('docs.viewer.zoomIn')}><IconZoomIn size={18} aria-hidden /></ActionIcon>
            <ActionIcon title={t('docs.viewer.fit')} variant={zoom.fit ? 'light' : 'default'} size="lg" onClick={() => setZoom({ fit: true })} aria-pressed={zoom.fit} aria-label={t('docs.viewer.fit')}><IconArrowsHorizontal size={18} aria-hidden /></ActionIcon>
            {download}
          </Group>
        </Group>
      </Paper>
      <div ref={stageRef} className="pdf-stage" tabIndex={0} role="region" aria-roledescription={t('docs.viewer.roledescription')}
        aria-label={t('docs.viewer.stage', { page: pageNo, pages: pages || '…' })} aria-describedby={helpId} onKeyDown={onKeyDown} aria-busy={!doc || rendering}>
        {!doc && <Group justify="center" py="xl"><Loader size="sm" aria-hidden /><Text size="sm">{t('docs.viewer.loading')}</Text></Group>}
        <div ref={pageRef} className="pdf-page" hidden={!doc} data-testid="pdf-page">
          <canvas ref={canvasRef} role="img" aria-label={t('docs.viewer.canvas', { page: pageNo, title })} />
          <div ref={textRef} className="textLayer" data-testid="pdf-text" />
        </div>
      </div>
      <Text id={helpId} size="xs" c="dimmed">{t('docs.viewer.keys')}</Text>
      <div role="status" aria-live="polite" className="sr-only">{doc ? t('docs.viewer.status', { page: pageNo, pages, zoom: Math.round(scale * 100) }) : ''}</div>
    </Stack>
  )
}
