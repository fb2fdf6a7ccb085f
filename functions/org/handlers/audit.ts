/** HTTP handlers: the audit trail and its verification; the caller's profile. */
import { AuditQuery, AuditVerifyQuery } from '../../../shared/org/contracts.js'
import { parse } from '../../lib/validation.js'
import type { OrgRoute } from '../routes.js'
import { listAudit, verifyAudit } from '../usecases/audit.js'
import { getMe, myWork } from '../usecases/me.js'

export const auditTrail: OrgRoute = async ({ ctx, query }) => ({ body: await listAudit(ctx, parse(AuditQuery, query)) })
export const auditVerify: OrgRoute = async ({ ctx, query }) => ({ body: await verifyAudit(ctx, parse(AuditVerifyQuery, query).unitId) })
export const me: OrgRoute = async ({ ctx }) => ({ body: await getMe(ctx) })
export const work: OrgRoute = async ({ ctx }) => ({ body: await myWork(ctx) })
