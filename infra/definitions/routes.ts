/**
 * The HTTP route table. CDK creates one HTTP API route per entry, integrated
 * with the module's Lambda; the embedded gateway matches the same entries and
 * builds the same `APIGatewayProxyEventV2` (with `routeKey` and JWT claims).
 */
export interface RouteDefinition {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** API Gateway path template, e.g. `/api/units/{unitId}`. */
  readonly path: string
  /** Module id from modules.ts (an `http` module). */
  readonly module: 'auth' | 'org' | 'documents' | 'members' | 'archives' | 'assistant' | 'tasks' | 'dashboards'
  /** `jwt`: the API's JWT authorizer must accept the bearer token. */
  readonly auth: 'jwt' | 'none'
}

const r = (method: RouteDefinition['method'], path: string, module: RouteDefinition['module'], auth: RouteDefinition['auth'] = 'jwt'): RouteDefinition =>
  ({ method, path, module, auth })

export const ROUTES: readonly RouteDefinition[] = [
  r('POST', '/api/auth/login', 'auth', 'none'),
  r('POST', '/api/auth/challenge', 'auth', 'none'),
  r('POST', '/api/auth/mfa/setup', 'auth', 'none'),
  r('GET', '/api/health', 'auth', 'none'),
  r('GET', '/api/openapi.json', 'auth', 'none'),
  r('GET', '/api/me', 'org'),
  r('GET', '/api/me/work', 'org'),
  r('GET', '/api/units', 'org'),
  r('POST', '/api/units', 'org'),
  r('GET', '/api/units/{unitId}', 'org'),
  r('PATCH', '/api/units/{unitId}', 'org'),
  r('POST', '/api/units/{unitId}/move', 'org'),
  r('GET', '/api/users', 'org'),
  r('POST', '/api/users', 'org'),
  r('GET', '/api/users/{userId}', 'org'),
  r('PATCH', '/api/users/{userId}', 'org'),
  r('DELETE', '/api/users/{userId}/sign-in-lock', 'org'),
  r('POST', '/api/reorganisations', 'org'),
  r('GET', '/api/reorganisations', 'org'),
  r('GET', '/api/reorganisations/{requestId}', 'org'),
  r('POST', '/api/reorganisations/{requestId}/decision', 'org'),
  r('POST', '/api/imports/uploads', 'org'),
  r('POST', '/api/imports', 'org'),
  r('GET', '/api/audit', 'org'),
  r('GET', '/api/audit/verify', 'org'),
  // Official documents. Literal paths come before `{documentId}` (the embedded gateway matches in order, as API Gateway prefers literals).
  r('POST', '/api/documents/uploads', 'documents'),
  r('POST', '/api/documents/incoming', 'documents'),
  r('POST', '/api/documents/drafts', 'documents'),
  r('POST', '/api/documents/verify', 'documents'),
  r('GET', '/api/documents', 'documents'),
  r('GET', '/api/documents/search', 'documents'),
  r('GET', '/api/documents/chains', 'documents'),
  r('PUT', '/api/documents/chains', 'documents'),
  r('GET', '/api/documents/{documentId}', 'documents'),
  r('POST', '/api/documents/{documentId}/receipt', 'documents'),
  r('POST', '/api/documents/{documentId}/return', 'documents'),
  r('POST', '/api/documents/{documentId}/direction', 'documents'),
  r('POST', '/api/documents/{documentId}/complete', 'documents'),
  r('POST', '/api/documents/{documentId}/versions', 'documents'),
  r('POST', '/api/documents/{documentId}/comments', 'documents'),
  r('POST', '/api/documents/{documentId}/submit', 'documents'),
  r('POST', '/api/documents/{documentId}/review', 'documents'),
  r('POST', '/api/documents/{documentId}/issue', 'documents'),
  // Party members (issue 4). Literal paths before `{memberId}`; the portal's route is signed (HMAC), not token-authenticated.
  r('GET', '/api/me/handbook', 'members'),
  r('POST', '/api/portal/requests', 'members', 'none'),
  r('GET', '/api/members', 'members'),
  r('GET', '/api/members/destinations', 'members'),
  r('GET', '/api/members/search', 'members'),
  r('POST', '/api/members', 'members'),
  r('POST', '/api/members/bulk-transfers', 'members'),
  r('POST', '/api/members/imports', 'members'),
  r('POST', '/api/members/fees/assessments', 'members'),
  r('POST', '/api/members/fees/payments', 'members'),
  r('GET', '/api/members/fees/sheet', 'members'),
  r('POST', '/api/members/fees/remittances', 'members'),
  r('GET', '/api/members/fees/remittances', 'members'),
  r('GET', '/api/members/fees/remittances/report', 'members'),
  r('POST', '/api/members/transfers', 'members'),
  r('GET', '/api/members/transfers', 'members'),
  r('GET', '/api/members/transfers/{transferId}', 'members'),
  r('POST', '/api/members/transfers/{transferId}/decision', 'members'),
  r('POST', '/api/members/transfers/{transferId}/accept', 'members'),
  r('POST', '/api/members/transfers/{transferId}/return', 'members'),
  r('POST', '/api/members/transfers/{transferId}/extension', 'members'),
  r('POST', '/api/members/comments/campaigns', 'members'),
  r('GET', '/api/members/comments', 'members'),
  r('GET', '/api/members/comments/{commentId}', 'members'),
  r('POST', '/api/members/comments/{commentId}/form', 'members'),
  r('POST', '/api/members/comments/{commentId}/confirmation', 'members'),
  r('POST', '/api/members/notices', 'members'),
  r('GET', '/api/members/notices', 'members'),
  r('GET', '/api/members/notices/{noticeId}', 'members'),
  r('POST', '/api/me/notices/{noticeId}/read', 'members'),
  r('GET', '/api/members/{memberId}', 'members'),
  r('PUT', '/api/members/{memberId}/fee-profile', 'members'),
  // Archives (issue 5): digitisation of paper archives, verification, handover of a closed fonds.
  r('POST', '/api/archives/uploads', 'archives'),
  r('GET', '/api/archives/files', 'archives'),
  r('POST', '/api/archives/files', 'archives'),
  r('GET', '/api/archives/files/{fileId}', 'archives'),
  r('POST', '/api/archives/batches', 'archives'),
  r('GET', '/api/archives/batches/{batchId}', 'archives'),
  r('GET', '/api/archives/verification', 'archives'),
  r('GET', '/api/archives/documents/{scanDocumentId}', 'archives'),
  r('POST', '/api/archives/documents/{scanDocumentId}/verify', 'archives'),
  r('GET', '/api/archives/progress', 'archives'),
  r('POST', '/api/archives/handovers', 'archives'),
  r('GET', '/api/archives/handovers', 'archives'),
  r('POST', '/api/archives/handovers/{fromUnitId}/{handoverId}/receipt', 'archives'),
  // Assistant: document Q&A with citations, appraisal of drafts (issue 6).
  r('POST', '/api/assistant/ask', 'assistant'),
  r('GET', '/api/assistant/conversations', 'assistant'),
  r('GET', '/api/assistant/conversations/{conversationId}', 'assistant'),
  r('POST', '/api/assistant/conversations/{conversationId}/ratings', 'assistant'),
  r('POST', '/api/assistant/appraisals', 'assistant'),
  r('GET', '/api/assistant/passages/{documentId}', 'assistant'),
  r('GET', '/api/assistant/ratings/export', 'assistant'),
  // Tasks (issue 15): nhiệm vụ given, reported on, evaluated; extensions; a unit's KPIs.
  r('GET', '/api/tasks', 'tasks'),
  r('POST', '/api/tasks', 'tasks'),
  r('GET', '/api/tasks/kpis', 'tasks'),
  r('GET', '/api/tasks/{taskId}', 'tasks'),
  r('POST', '/api/tasks/{taskId}/accept', 'tasks'),
  r('POST', '/api/tasks/{taskId}/progress', 'tasks'),
  r('POST', '/api/tasks/{taskId}/submit', 'tasks'),
  r('POST', '/api/tasks/{taskId}/evaluate', 'tasks'),
  r('POST', '/api/tasks/{taskId}/return', 'tasks'),
  r('POST', '/api/tasks/{taskId}/cancel', 'tasks'),
  r('POST', '/api/tasks/{taskId}/extensions', 'tasks'),
  r('POST', '/api/tasks/{taskId}/extensions/decision', 'tasks'),
  r('GET', '/api/dashboards', 'dashboards'),
  r('GET', '/api/dashboards/items', 'dashboards'),
  r('POST', '/api/dashboards/reports', 'dashboards'),
  r('GET', '/api/dashboards/reports/{reportId}', 'dashboards'),
]

export const routeKey = (route: Pick<RouteDefinition, 'method' | 'path'>): string => `${route.method} ${route.path}`
