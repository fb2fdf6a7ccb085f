/**
 * Mantine theme. Shades are chosen for WCAG AA contrast on white: filled
 * components use shade 8, light/subtle text uses shade 9, dimmed text gray 7.
 */
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core'

const brand: MantineColorsTuple = [
  '#fff0f0', '#ffdede', '#ffbcbc', '#f99595', '#f26d6d', '#e54848', '#cf2f2f', '#b72323', '#a61b1b', '#8a1414',
]

// Mantine's green and orange are too light for white text at shade 8: darker tails.
const green: MantineColorsTuple = ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#40c057', '#2f9e44', '#237a35', '#1b5e29']
const orange: MantineColorsTuple = ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#fd7e14', '#e8590c', '#c2410c', '#9a3412']

// Light badges put shade 9 on a 10% tint of the colour: teal's and cyan's own shade 9 fall just short of 4.5:1 there.
const teal: MantineColorsTuple = ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#12b886', '#0ca678', '#087f5b', '#065f46']
const cyan: MantineColorsTuple = ['#e3fafc', '#c5f6fa', '#99e9f2', '#66d9e8', '#3bc9db', '#22b8cf', '#15aabf', '#1098ad', '#0c8599', '#0e5e6f']

export const theme = createTheme({
  colors: { brand, green, orange, teal, cyan },
  primaryColor: 'brand',
  primaryShade: { light: 8, dark: 6 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  // Required fields get their asterisk from CSS (app.css), not from a span inside
  // the label, so a label's text is exactly its name ("Mật khẩu", not "Mật khẩu *").
  // Closed option lists are unmounted, so a label names only its input
  // (getByLabel('Cấp') finds one element, not the input and a hidden listbox).
  components: {
    // Links are underlined, not told apart by colour alone (WCAG 1.4.1; axe: link-in-text-block).
    Anchor: { defaultProps: { underline: 'always' } },
    ...Object.fromEntries(
    ['TextInput', 'PasswordInput', 'Select', 'MultiSelect', 'Textarea', 'NumberInput', 'FileInput', 'Autocomplete', 'TagsInput'].map((name) => [name, {
      defaultProps: name === 'Select' || name === 'MultiSelect' || name === 'Autocomplete' || name === 'TagsInput'
        ? { withAsterisk: false, comboboxProps: { keepMounted: false } }
        : { withAsterisk: false },
    }]),
    ),
  },
})

const COLORS = ['brand', 'gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange', 'dark']

export const cssVariablesResolver: CSSVariablesResolver = (th) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': th.colors.gray[7],
    '--mantine-color-placeholder': '#6c757d',
    '--mantine-color-anchor': th.colors.brand[8],
  }
  for (const c of COLORS) {
    const shades = th.colors[c]
    if (!shades) continue
    light[`--mantine-color-${c}-light-color`] = shades[9]
    light[`--mantine-color-${c}-text`] = shades[9]
    light[`--mantine-color-${c}-outline`] = shades[9]
  }
  return { variables: {}, light, dark: {} }
}
