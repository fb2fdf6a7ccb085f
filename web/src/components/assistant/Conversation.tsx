/**
 * A conversation with the assistant: the questions and answers so far, each
 * answer with its citations (links that open the document at the cited
 * page), rating buttons, and the question box. Used by the side panel and
 * the assistant page.
 */
import { ActionIcon, Anchor, Badge, Button, Card, Group, List, Stack, Text, Textarea, Tooltip } from '@mantine/core'
import { IconSend, IconThumbDown, IconThumbUp } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { MAX_QUESTION, citationHref, type Conversation as Conv, type ConversationTurn } from '../../../../shared/assistant/contracts'
import type { Citation } from '../../../../shared/assistant/engine'
import { api } from '../../api/client'
import { askStream } from './askStream'
import { ErrorAlert } from '../ErrorAlert'
import '../../i18n/assistant'

export function Conversation({ conversationId, onConversation, compact, onNavigate }: {
  conversationId?: string
  /** Called with the id once the first question started a conversation. */
  onConversation?: (id: string) => void
  compact?: boolean
  /** Called when a citation link is followed (the panel closes). */
  onNavigate?: () => void
}) {
  const { t } = useTranslation()
  const [turns, setTurns] = useState<ConversationTurn[]>([])
  const [question, setQuestion] = useState('')
  const [busy, setBusy] = useState(false)
  /** The question being answered and the text received so far. */
  const [pending, setPending] = useState<{ question: string; text: string }>()
  const [error, setError] = useState<unknown>()
  const [rated, setRated] = useState<Record<number, 'up' | 'down'>>({})
  const endRef = useRef<HTMLDivElement>(null)

  /** The conversation this component started: its turns are already here, reloading it could drop a turn asked meanwhile. */
  const startedHere = useRef<string | undefined>(undefined)

  useEffect(() => {
    setError(undefined)
    if (conversationId && conversationId === startedHere.current) return
    if (!conversationId) { setTurns([]); setRated({}); return }
    const ctrl = new AbortController()
    api.get<Conv>(`/api/assistant/conversations/${conversationId}`, undefined, ctrl.signal).then((c) => {
      setTurns(c.turns)
      setRated(Object.fromEntries(c.turns.flatMap((x, i) => (x.rating ? [[i, x.rating.value]] : []))))
    }, (e) => { if (!ctrl.signal.aborted) setError(e) })
    return () => ctrl.abort()
  }, [conversationId])

  useEffect(() => { endRef.current?.scrollIntoView?.({ block: 'nearest' }) }, [turns.length, !!pending])

  const send = async () => {
    const q = question.trim()
    if (!q || busy) return
    setBusy(true)
    setError(undefined)
    try {
      setPending({ question: q, text: '' })
      setQuestion('')
      // The answer appears as it is produced; its citations come with the whole answer.
      const res = await askStream({ question: q, ...(conversationId ? { conversationId } : {}) }, (text) => setPending((p) => (p ? { ...p, text: p.text + text } : p)))
      setTurns((ts) => [...ts, { question: q, answer: res.answer, engine: res.engine, at: new Date().toISOString() }])
      if (!conversationId) { startedHere.current = res.conversationId; onConversation?.(res.conversationId) }
    } catch (e) {
      setError(e)
      setQuestion((cur) => cur || q)
    } finally {
      setPending(undefined)
      setBusy(false)
    }
  }

  const rate = async (turn: number, value: 'up' | 'down') => {
    if (!conversationId) return
    try {
      await api.post(`/api/assistant/conversations/${conversationId}/ratings`, { turn, value })
      setRated((r) => ({ ...r, [turn]: value }))
    } catch (e) { setError(e) }
  }

  return (
    <Stack gap="sm">
      <Stack gap="sm" role="log" aria-live="polite" aria-label={t('assistant.title')}>
        {turns.length === 0 && <Text size="sm" c="dimmed">{t('assistant.intro')}</Text>}
        {turns.map((turn, i) => (
          <Stack key={i} gap={6} className="assistant-turn">
            <Card withBorder p="xs" bg="gray.0">
              <Text size="xs" c="dimmed">{t('assistant.you')}</Text>
              <Text size="sm">{turn.question}</Text>
            </Card>
            <Card withBorder p="xs" component="article" aria-label={t('assistant.answer')}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="xs" c="dimmed">{t('assistant.answer')}</Text>
                {!turn.answer.answered && <Badge size="xs" color="gray" variant="light">{t('assistant.noAnswer')}</Badge>}
              </Group>
              <Text size="sm" className="assistant-answer" style={{ whiteSpace: 'pre-wrap' }}>{turn.answer.text}</Text>
              {turn.answer.citations.length > 0 && (
                <>
                  <Text size="xs" fw={600} mt={6}>{t('assistant.sources')}</Text>
                  <List size="xs" spacing={2} listStyleType="none" withPadding={false}>
                    {turn.answer.citations.map((c) => <CitationItem key={c.n} c={c} onNavigate={onNavigate} compact={compact} />)}
                  </List>
                </>
              )}
              <Group gap={4} mt={6} justify="flex-end">
                {(['up', 'down'] as const).map((v) => (
                  <Tooltip key={v} label={t(v === 'up' ? 'assistant.rateUp' : 'assistant.rateDown')}>
                    <ActionIcon size="sm" variant={rated[i] === v ? 'filled' : 'subtle'} color={v === 'up' ? 'green' : 'red'} disabled={!conversationId}
                      aria-pressed={rated[i] === v} aria-label={t(v === 'up' ? 'assistant.rateUp' : 'assistant.rateDown')} onClick={() => rate(i, v)}>
                      {v === 'up' ? <IconThumbUp size={16} aria-hidden /> : <IconThumbDown size={16} aria-hidden />}
                    </ActionIcon>
                  </Tooltip>
                ))}
              </Group>
            </Card>
          </Stack>
        ))}
        {pending && (
          <Stack gap={6} className="assistant-turn" aria-busy>
            <Card withBorder p="xs" bg="gray.0">
              <Text size="xs" c="dimmed">{t('assistant.you')}</Text>
              <Text size="sm">{pending.question}</Text>
            </Card>
            <Card withBorder p="xs" component="article" aria-label={t('assistant.answer')} data-streaming="true">
              <Text size="xs" c="dimmed">{t('assistant.answer')}</Text>
              <Text size="sm" className="assistant-answer" style={{ whiteSpace: 'pre-wrap' }}>{pending.text || t('assistant.sending')}</Text>
            </Card>
          </Stack>
        )}
        <div ref={endRef} />
      </Stack>
      <ErrorAlert error={error} />
      <form onSubmit={(e) => { e.preventDefault(); void send() }}>
        <Stack gap="xs">
          <Textarea label={t('assistant.question')} placeholder={t('assistant.placeholder')} value={question} autosize minRows={2} maxRows={6}
            maxLength={MAX_QUESTION} onChange={(e) => setQuestion(e.currentTarget.value)}
            onKeyDown={(e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); void send() } }} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy} disabled={!question.trim()} leftSection={<IconSend size={16} aria-hidden />}>{busy ? t('assistant.sending') : t('assistant.send')}</Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  )
}

function CitationItem({ c, onNavigate }: { c: Citation; onNavigate?: () => void; compact?: boolean }) {
  const { t } = useTranslation()
  const where = `${c.location.label}${c.location.page ? `, ${t('assistant.page', { page: c.location.page })}` : ''}`
  return (
    <List.Item>
      <Text size="xs">
        [{c.n}]{' '}
        <Anchor component={Link} to={citationHref(c)} onClick={onNavigate} aria-label={t('assistant.openAt', { symbol: c.symbol ?? c.title, label: where })}>
          {c.symbol ?? c.title}
        </Anchor>
        {' — '}{c.title}{' — '}<strong>{where}</strong>
      </Text>
      <Text size="xs" c="dimmed" fs="italic" lineClamp={3}>“{c.quote}”</Text>
    </List.Item>
  )
}
