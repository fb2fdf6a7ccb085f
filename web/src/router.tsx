/** Routes: every page is a lazily loaded chunk. */
import { Navigate, createBrowserRouter, type RouteObject } from 'react-router-dom'
import { Loading } from './components/Loading'
import { ensureDocStrings, ensureMemberStrings } from './i18n'
import { RouteError } from './pages/RouteError'

const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default })
/** A document page: its chunk and the documents strings, loaded together. */
const docPage = (load: () => Promise<{ default: React.ComponentType }>) => async () => {
  const [mod] = await Promise.all([load(), ensureDocStrings()])
  return { Component: mod.default }
}

/** A Party members page: its chunk and the members strings, loaded together. */
const memberPage = (load: () => Promise<{ default: React.ComponentType }>) => async () => {
  const [mod] = await Promise.all([load(), ensureMemberStrings()])
  return { Component: mod.default }
}

/** An archives page: its chunk and the archives strings, loaded together. */
const arcPage = (load: () => Promise<{ default: React.ComponentType }>) => async () => {
  const [mod] = await Promise.all([load(), import('./i18n/archives').then((m) => m.ensureArchiveStrings())])
  return { Component: mod.default }
}

/** A tasks page: its chunk and the tasks strings, loaded together. */
const taskPage = (load: () => Promise<{ default: React.ComponentType }>) => async () => {
  const [mod] = await Promise.all([load(), import('./i18n/tasks').then((m) => m.ensureTaskStrings())])
  return { Component: mod.default }
}

/** A work programmes page: its chunk and the programmes (and tasks) strings, loaded together. */
const programmePage = (load: () => Promise<{ default: React.ComponentType }>) => async () => {
  const [mod] = await Promise.all([load(), import('./i18n/programmes').then((m) => m.ensureProgrammeStrings())])
  return { Component: mod.default }
}

/** The dashboards page: its chunk and the dashboards strings, loaded together. */
const dashPage = (load: () => Promise<{ default: React.ComponentType }>) => async () => {
  const [mod] = await Promise.all([load(), import('./i18n/dashboards').then((m) => m.ensureDashboardStrings())])
  return { Component: mod.default }
}

/** A meetings page: its chunk and the meetings strings, loaded together. */
const meetingPage = (load: () => Promise<{ default: React.ComponentType }>) => async () => {
  const [mod] = await Promise.all([load(), import('./i18n/meetings').then((m) => m.ensureMeetingStrings())])
  return { Component: mod.default }
}

/** A data requests page: its chunk and the data requests strings, loaded together. */
const dataRequestPage = (load: () => Promise<{ default: React.ComponentType }>) => async () => {
  const [mod] = await Promise.all([load(), import('./i18n/datarequests').then((m) => m.ensureDataRequestStrings())])
  return { Component: mod.default }
}

/** A schedules page: its chunk and the schedules strings, loaded together. */
const schedulePage = (load: () => Promise<{ default: React.ComponentType }>) => async () => {
  const [mod] = await Promise.all([load(), import('./i18n/schedules').then((m) => m.ensureScheduleStrings())])
  return { Component: mod.default }
}

/** A cases or petitions page: its chunk and the cases strings, loaded together. */
const casePage = (load: () => Promise<{ default: React.ComponentType }>) => async () => {
  const [mod] = await Promise.all([load(), import('./i18n/cases').then((m) => m.ensureCaseStrings())])
  return { Component: mod.default }
}

const routes: RouteObject[] = [
  {
    errorElement: <RouteError standalone />,
    HydrateFallback: () => <Loading />,
    children: [
      { path: '/login', lazy: page(() => import('./pages/LoginPage')) },
      { path: '/login/forgot', lazy: page(() => import('./pages/auth/ForgotPasswordPage')) },
      // The projector shows one meeting on the room's screen, without the app's shell.
      { path: '/meetings/:meetingId/projector', lazy: meetingPage(() => import('./pages/meetings/ProjectorPage')) },
      {
        path: '/',
        lazy: page(() => import('./layout/AppLayout')),
        children: [
          { errorElement: <RouteError />, children: [
            { index: true, lazy: page(() => import('./pages/HomePage')) },
            { path: 'units', lazy: page(() => import('./pages/org/UnitsTreePage')) },
            { path: 'units/:unitId', lazy: page(() => import('./pages/org/UnitPage')) },
            { path: 'users', lazy: page(() => import('./pages/org/UsersPage')) },
            { path: 'account/password', lazy: page(() => import('./pages/auth/ChangePasswordPage')) },
            { path: 'import', lazy: page(() => import('./pages/org/ImportPage')) },
            { path: 'approvals', lazy: page(() => import('./pages/org/ApprovalsPage')) },
            { path: 'audit', lazy: page(() => import('./pages/org/AuditPage')) },
            { path: 'documents', element: <Navigate to="/documents/incoming" replace /> },
            { path: 'documents/incoming', lazy: docPage(() => import('./pages/documents/IncomingPage')) },
            { path: 'documents/outgoing', lazy: docPage(() => import('./pages/documents/OutgoingPage')) },
            { path: 'documents/registers', lazy: docPage(() => import('./pages/documents/RegistersPage')) },
            { path: 'documents/search', lazy: docPage(() => import('./pages/documents/SearchPage')) },
            { path: 'documents/verify', lazy: docPage(() => import('./pages/documents/VerifyPage')) },
            { path: 'documents/chains', lazy: docPage(() => import('./pages/documents/ChainsPage')) },
            { path: 'documents/:documentId', lazy: docPage(() => import('./pages/documents/DocumentPage')) },
            { path: 'party/handbook', lazy: memberPage(() => import('./pages/members/HandbookPage')) },
            { path: 'party/members', lazy: memberPage(() => import('./pages/members/MembersPage')) },
            { path: 'party/transfers', lazy: memberPage(() => import('./pages/members/TransfersPage')) },
            { path: 'party/fees', lazy: memberPage(() => import('./pages/members/FeesPage')) },
            { path: 'party/notices', lazy: memberPage(() => import('./pages/members/NoticesPage')) },
            { path: 'party/comments', lazy: memberPage(() => import('./pages/members/CommentsPage')) },
            { path: 'party/import', lazy: memberPage(() => import('./pages/members/ImportMembersPage')) },
            { path: 'party/bulk-transfers', lazy: memberPage(() => import('./pages/members/BulkTransferPage')) },
            { path: 'party/remittances', lazy: memberPage(() => import('./pages/members/RemittancesPage')) },
            { path: 'archives', lazy: arcPage(() => import('./pages/archives/ArchivesPage')) },
            { path: 'archives/files/:fileId', lazy: arcPage(() => import('./pages/archives/FilePage')) },
            { path: 'archives/verify', lazy: arcPage(() => import('./pages/archives/VerifyPage')) },
            { path: 'archives/verify/:scanDocumentId', lazy: arcPage(() => import('./pages/archives/VerifyPage')) },
            { path: 'archives/handover', lazy: arcPage(() => import('./pages/archives/HandoverPage')) },
            { path: 'archives/records', lazy: arcPage(() => import('./pages/archives/RecordsPage')) },
            { path: 'tasks', lazy: taskPage(() => import('./pages/tasks/TasksPage')) },
            { path: 'tasks/:taskId', lazy: taskPage(() => import('./pages/tasks/TaskPage')) },
            { path: 'dashboards', lazy: dashPage(() => import('./pages/dashboards/DashboardPage')) },
            { path: 'dashboards/:unitId', lazy: dashPage(() => import('./pages/dashboards/DashboardPage')) },
            { path: 'meetings', lazy: meetingPage(() => import('./pages/meetings/MeetingsPage')) },
            { path: 'meetings/:meetingId', lazy: meetingPage(() => import('./pages/meetings/MeetingPage')) },
            { path: 'schedules', lazy: schedulePage(() => import('./pages/schedules/SchedulesPage')) },
            { path: 'programmes', lazy: programmePage(() => import('./pages/programmes/ProgrammesPage')) },
            { path: 'programmes/:programmeId', lazy: programmePage(() => import('./pages/programmes/ProgrammePage')) },
            { path: 'datarequests', lazy: dataRequestPage(() => import('./pages/datarequests/DataRequestsPage')) },
            { path: 'datarequests/new', lazy: dataRequestPage(() => import('./pages/datarequests/NewDataRequestPage')) },
            { path: 'datarequests/:requestId', lazy: dataRequestPage(() => import('./pages/datarequests/DataRequestPage')) },
            { path: 'datarequests/:requestId/answers/:unitId', lazy: dataRequestPage(() => import('./pages/datarequests/AnswerPage')) },
            { path: 'assistant', lazy: page(() => import('./pages/assistant/AssistantPage')) },
            { path: 'assistant/appraisal', lazy: page(() => import('./pages/assistant/AppraisalPage')) },
            { path: 'assistant/:conversationId', lazy: page(() => import('./pages/assistant/AssistantPage')) },
            { path: 'notifications', lazy: page(() => import('./pages/notifications/NotificationsPage')) },
            { path: 'developer', lazy: page(() => import('./pages/developer/DeveloperPage')) },
            { path: 'cases', lazy: casePage(() => import('./pages/cases/CasesPage')) },
            { path: 'cases/new', lazy: casePage(() => import('./pages/cases/CaseIntakePage')) },
            { path: 'cases/:caseId', lazy: casePage(() => import('./pages/cases/CasePage')) },
            { path: 'petitions', lazy: casePage(() => import('./pages/cases/PetitionsPage')) },
            { path: 'petitions/:petitionId', lazy: casePage(() => import('./pages/cases/PetitionPage')) },
            { path: 'resolutions/:resolutionId', lazy: casePage(() => import('./pages/cases/ResolutionPage')) },
            { path: '*', lazy: page(() => import('./pages/NotFoundPage')) },
          ] },
        ],
      },
    ],
  },
]

export const router = createBrowserRouter(routes)
