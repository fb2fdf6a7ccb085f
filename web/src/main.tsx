import './styles'
import './i18n'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router-dom'
import { AppDatesProvider } from './components/DateFields'
import { onUnauthorized } from './api/client'
import { auth } from './auth/store'
import { router } from './router'
import { cssVariablesResolver, theme } from './theme'

// A 401 anywhere: forget the session; the signed-in layout then sends the
// user to the login page, remembering where they were.
onUnauthorized(() => auth.expired())

// The access token lives in memory: after a page load it comes back from the
// HttpOnly refresh cookie before the first page asks the API anything.
void auth.restore().finally(render)

function render(): void {
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" limit={4} aria-live="polite" />
      <AppDatesProvider>
        <RouterProvider router={router} />
      </AppDatesProvider>
    </MantineProvider>
  </StrictMode>,
)
}
