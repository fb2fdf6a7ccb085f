/**
 * The signed-in workspace: the caller's profile and unit assignments
 * (GET /api/me), the chosen working unit (remembered), what the caller's
 * role there allows, and the number of requests awaiting their decision.
 */
import { dashboardPolicy, type DashboardAction } from '../../../shared/dashboards/policy'
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { APPROVAL_SECTIONS } from '../../../shared/org/work'
import type { Action } from '../../../shared/org/roles'
import { orgPolicy } from '../../../shared/auth/policy'
import { documentPolicy, type DocumentAction } from '../../../shared/documents/policy'
import { archivePolicy, type ArchiveAction } from '../../../shared/archives/policy'
import { taskPolicy, type TaskAction } from '../../../shared/tasks/policy'
import { meetingPolicy, type MeetingAction } from '../../../shared/meetings/policy'
import { schedulePolicy, type ScheduleAction } from '../../../shared/schedules/policy'
import { dataRequestPolicy, type DataRequestAction } from '../../../shared/datarequests/policy'
import { programmePolicy, type ProgrammeAction } from '../../../shared/programmes/policy'
import type { User } from '../../../shared/org/contracts'
import { endpoints, type MeAssignment } from '../api/endpoints'
import { session } from '../api/session'
import { useData } from '../lib/useData'

export interface Workspace {
  user: User | undefined
  assignments: MeAssignment[]
  /** One entry per unit (a person may hold several roles in one unit). */
  units: { unitId: string; name: string; roles: string[]; positions: string[]; assignment: MeAssignment }[]
  unitId: string | null
  unitName: string | undefined
  setUnitId: (unitId: string) => void
  /** What a role held in the working unit allows (organisation and document actions). */
  can: (action: AnyAction) => boolean
  /** Whether any of the caller's roles, in any unit, allows the action. */
  canAnywhere: (action: AnyAction) => boolean
  pendingCount: number
  /** An invitation or a meeting of today waits in "my work" (a member without meeting.read still finds their meetings). */
  hasMeetings: boolean
  refreshPending: () => void
  loading: boolean
  error: unknown
  reload: () => void
}

/** Every action a policy table names. */
export type AnyAction = Action | DocumentAction | ArchiveAction | TaskAction | DashboardAction | MeetingAction | ScheduleAction | DataRequestAction | ProgrammeAction

const Ctx = createContext<Workspace | null>(null)

/** Organisation actions live in PERMISSIONS, document and archive actions in their own tables; each policy answers for its own (shared/auth/engine.ts). */
function allows(role: string, action: AnyAction): boolean {
  return orgPolicy.grants(role, action as Action) || documentPolicy.grants(role, action as DocumentAction) || archivePolicy.grants(role, action as ArchiveAction) || taskPolicy.grants(role, action as TaskAction)
    || dashboardPolicy.grants(role, action as DashboardAction) || meetingPolicy.grants(role, action as MeetingAction) || schedulePolicy.grants(role, action as ScheduleAction)
    || dataRequestPolicy.grants(role, action as DataRequestAction) || programmePolicy.grants(role, action as ProgrammeAction)
}

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const me = useData((signal) => endpoints.me(signal), [])
  const [chosen, setChosen] = useState<string | null>(() => session.unitId())
  const [pendingCount, setPendingCount] = useState(0)
  const [hasMeetings, setHasMeetings] = useState(false)
  const [pendingTick, setPendingTick] = useState(0)

  const assignments = useMemo(() => me.data?.assignments ?? [], [me.data])
  const units = useMemo(() => {
    const map = new Map<string, Workspace['units'][number]>()
    for (const a of assignments) {
      const u = map.get(a.unitId) ?? { unitId: a.unitId, name: a.unit?.name ?? a.unitId, roles: [], positions: [], assignment: a }
      if (!u.roles.includes(a.role)) u.roles.push(a.role)
      if (a.position && !u.positions.includes(a.position)) u.positions.push(a.position)
      map.set(a.unitId, u)
    }
    return [...map.values()]
  }, [assignments])

  const unitId = chosen && units.some((u) => u.unitId === chosen) ? chosen : (units[0]?.unitId ?? null)
  const current = units.find((u) => u.unitId === unitId)

  const setUnitId = useCallback((id: string) => {
    session.saveUnitId(id)
    setChosen(id)
  }, [])

  const can = useCallback((action: AnyAction) =>
    !!current && current.roles.some((r) => allows(r, action)), [current])
  const canAnywhere = useCallback((action: AnyAction) =>
    units.some((u) => u.roles.some((r) => allows(r, action))), [units])

  const refreshPending = useCallback(() => setPendingTick((t) => t + 1), [])
  // Every decision waiting for the caller (reorganisations, transfer steps, residence comments), counted once by the API.
  useEffect(() => {
    if (!me.data) {
      setPendingCount(0)
      return
    }
    const ctrl = new AbortController()
    const load = () => endpoints.myWork(ctrl.signal)
      .then((w) => {
        setPendingCount(w.sections.filter((s) => APPROVAL_SECTIONS.includes(s.id)).reduce((n, s) => n + s.count, 0))
        setHasMeetings(w.sections.some((s) => s.id.startsWith('meetings.') && s.count > 0))
      }, () => { /* the badge is best effort */ })
    void load()
    const timer = window.setInterval(() => { if (document.visibilityState === 'visible') void load() }, 60_000)
    return () => { ctrl.abort(); window.clearInterval(timer) }
  }, [me.data, pendingTick])

  const value: Workspace = {
    user: me.data?.user,
    assignments,
    units,
    unitId,
    unitName: current?.name,
    setUnitId,
    can,
    canAnywhere,
    pendingCount,
    hasMeetings,
    refreshPending,
    loading: me.loading,
    error: me.error,
    reload: me.reload,
  }
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}

export function useWorkspace(): Workspace {
  const ws = useContext(Ctx)
  if (!ws) throw new Error('useWorkspace outside WorkspaceProvider')
  return ws
}
