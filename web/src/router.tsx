/** Routes: every page is a lazily loaded chunk. */
import { createBrowserRouter, type RouteObject } from 'react-router-dom'
import { Loading } from './components/common'
import { RouteError } from './pages/RouteError'

const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default })

const routes: RouteObject[] = [
  {
    errorElement: <RouteError standalone />,
    HydrateFallback: () => <Loading />,
    children: [
      { path: '/login', lazy: page(() => import('./pages/LoginPage')) },
      {
        path: '/',
        lazy: page(() => import('./layout/AppLayout')),
        children: [
          { errorElement: <RouteError />, children: [
            { index: true, lazy: page(() => import('./pages/HomePage')) },
            { path: 'units', lazy: page(() => import('./pages/UnitsTreePage')) },
            { path: 'units/:unitId', lazy: page(() => import('./pages/UnitPage')) },
            { path: 'users', lazy: page(() => import('./pages/UsersPage')) },
            { path: 'import', lazy: page(() => import('./pages/ImportPage')) },
            { path: 'approvals', lazy: page(() => import('./pages/ApprovalsPage')) },
            { path: 'audit', lazy: page(() => import('./pages/AuditPage')) },
            { path: '*', lazy: page(() => import('./pages/NotFoundPage')) },
          ] },
        ],
      },
    ],
  },
]

export const router = createBrowserRouter(routes)
