/**
 * The one way the SPA asks for a date or a time: shown and typed as
 * dd/mm/yyyy (Mantine's DateInput, dayjs locale vi / en-gb from the
 * DatesProvider), times on a 24-hour clock. Values stay ISO (YYYY-MM-DD,
 * HH:mm, YYYY-MM-DDTHH:mm) so forms and the API are unchanged. onChange
 * receives an input-like event so the fields drop into forms written for
 * TextInput (`e.currentTarget.value`).
 */
import { TextInput, type TextInputProps } from '@mantine/core'
import { DateInput, DatesProvider } from '@mantine/dates'
import dayjs from 'dayjs'
import 'dayjs/locale/vi'
import 'dayjs/locale/en-gb'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { parseTypedDate, parseTypedTime } from '../lib/dates'

type ValueEvent = { currentTarget: { value: string } }
const asEvent = (value: string): ValueEvent => ({ currentTarget: { value } })

type Common = Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'min' | 'max' | 'defaultValue'>

export interface DateFieldProps extends Common {
  value: string
  onChange: (e: ValueEvent) => void
  /** Earliest / latest day allowed, YYYY-MM-DD. */
  min?: string
  max?: string
}

/** A calendar date, dd/mm/yyyy, with a month picker. */
export function DateField({ value, onChange, min, max, placeholder, ...rest }: DateFieldProps) {
  const { t } = useTranslation()
  return (
    <DateInput
      // The app's stylesheet marks required fields (as the theme does for the other inputs): Mantine's own asterisk would double it.
      withAsterisk={false}
      {...(rest as object)}
      value={value || null}
      onChange={(v) => onChange(asEvent(v ?? ''))}
      valueFormat="DD/MM/YYYY"
      dateParser={(text) => parseTypedDate(text)}
      placeholder={placeholder ?? t('form.datePlaceholder')}
      minDate={min || undefined}
      maxDate={max || undefined}
      clearable={!rest.required}
      clearButtonProps={{ 'aria-label': t('form.clearDate') }}
      popoverProps={{ withinPortal: true }}
    />
  )
}

export interface TimeFieldProps extends Common {
  value: string
  onChange: (e: ValueEvent) => void
}

/** A time of day on a 24-hour clock (HH:mm); "1930" or "19h30" become 19:30 when the field is left. */
export function TimeField({ value, onChange, placeholder, error, ...rest }: TimeFieldProps) {
  const { t } = useTranslation()
  const [text, setText] = useState(value)
  useEffect(() => { setText(value) }, [value])
  const bad = text !== '' && parseTypedTime(text) === null
  return (
    <TextInput
      {...rest}
      value={text}
      inputMode="numeric"
      autoComplete="off"
      placeholder={placeholder ?? t('form.timePlaceholder')}
      error={error ?? (bad ? t('form.timeInvalid') : undefined)}
      onChange={(e) => {
        const raw = e.currentTarget.value
        setText(raw)
        const parsed = /^\d{1,2}:\d{2}$/.test(raw.trim()) ? parseTypedTime(raw) : null
        if (parsed) onChange(asEvent(parsed))
        else if (raw === '') onChange(asEvent(''))
      }}
      onBlur={(e) => {
        const parsed = parseTypedTime(text)
        if (parsed) { setText(parsed); if (parsed !== value) onChange(asEvent(parsed)) }
        rest.onBlur?.(e)
      }}
    />
  )
}

export interface DateTimeFieldProps extends Omit<DateFieldProps, 'min' | 'max'> {
  timeLabel?: ReactNode
}

/** A day and a time (YYYY-MM-DDTHH:mm): a date field and a 24-hour time field side by side. */
export function DateTimeField({ value, onChange, label, timeLabel, required, error, ...rest }: DateTimeFieldProps) {
  const { t } = useTranslation()
  const [date, setDate] = useState(value.slice(0, 10))
  const [time, setTime] = useState(value.slice(11, 16))
  useEffect(() => { setDate(value.slice(0, 10)); setTime(value.slice(11, 16)) }, [value])
  const emit = (d: string, tm: string) => onChange(asEvent(d && tm ? `${d}T${tm}` : ''))
  return (
    <div style={{ display: 'flex', gap: 'var(--mantine-spacing-xs)', flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <DateField {...rest} label={label} required={required} error={error} value={date} onChange={(e) => { setDate(e.currentTarget.value); emit(e.currentTarget.value, time) }} style={{ flex: '1 1 150px' }} />
      <TimeField label={timeLabel ?? t('form.time')} required={required} value={time} onChange={(e) => { setTime(e.currentTarget.value); emit(date, e.currentTarget.value) }} style={{ flex: '0 1 110px' }} />
    </div>
  )
}

/** Gives every date field the interface language's calendar (Monday first, Vietnamese month names). */
export function AppDatesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation()
  const locale = i18n.language === 'en' ? 'en-gb' : 'vi'
  dayjs.locale(locale)
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1, consistentWeeks: true }}>{children}</DatesProvider>
}
