/**
 * The API's published contract: the route table (infra/definitions/routes.ts)
 * and each route's zod schemas (shared/api/contracts.ts) rendered as an
 * OpenAPI 3.1 document by zod-openapi. Served at `GET /api/openapi.json` and
 * browsed on the web app's developer page.
 */
import { z } from 'zod'
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi'
import { ROUTES, routeKey, type RouteDefinition } from '../../infra/definitions/routes.js'
import { CONTRACTS, PATH_PARAMETERS } from '../../shared/api/contracts.js'

const ErrorBody = z.object({
  error: z.object({
    code: z.string().meta({ description: 'Stable error code, e.g. `field.required`' }),
    message: z.string().meta({ description: 'The message in the language asked for (Accept-Language: vi or en)' }),
    issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), code: z.string(), message: z.string() })).optional()
      .meta({ description: 'For 400: one entry per invalid field' }),
  }),
  requestId: z.string(),
}).meta({ id: 'Error', description: 'Every 4xx/5xx answers this shape, in Vietnamese or English' })

const errors = (auth: RouteDefinition['auth']) => {
  const e = (description: string) => ({ description, content: { 'application/json': { schema: ErrorBody } } })
  return {
    '400': e('Invalid input (the issues name each field) / Dữ liệu không hợp lệ'),
    ...(auth === 'jwt' ? { '401': e('Not signed in / Chưa đăng nhập'), '403': e('Not permitted / Không có quyền') } : {}),
    '404': e('Not found or out of reach / Không tìm thấy'),
    '409': e('Changed meanwhile, or already done / Đã thay đổi hoặc đã thực hiện'),
    '422': e('Refused by a rule of the domain / Trái quy định'),
    '429': e('Too many attempts (see Retry-After) / Quá nhiều lần thử'),
  }
}

function operation(route: RouteDefinition): ZodOpenApiOperationObject {
  const key = routeKey(route)
  const contract = CONTRACTS[key]
  if (!contract) throw new Error(`route ${key} has no contract in shared/api/contracts.ts`)
  const names = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)
  const path = names.length ? z.object(Object.fromEntries(names.map((n) => [n, PATH_PARAMETERS[n]!]))) : undefined
  const headers = contract.headers
    ? z.object(Object.fromEntries(Object.entries(contract.headers).map(([h, d]) => [h, d.required ? z.string().meta({ description: d.description }) : z.string().optional().meta({ description: d.description })])))
    : undefined
  const body = contract.body && contract.body !== 'none' ? contract.body : undefined
  return {
    operationId: key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, ''),
    tags: [route.module],
    summary: contract.summary.en,
    description: contract.summary.vi,
    ...(route.auth === 'jwt' ? {} : { security: [] }),
    requestParams: { ...(path ? { path } : {}), ...(contract.query ? { query: contract.query as z.ZodObject } : {}), ...(headers ? { header: headers } : {}) },
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    responses: {
      [String(contract.status ?? 200)]: { description: 'Success / Thành công', content: { 'application/json': { schema: z.unknown() } } },
      ...errors(route.auth),
    },
  }
}

let cached: ReturnType<typeof createDocument> | undefined

export function openApiDocument(): ReturnType<typeof createDocument> {
  if (cached) return cached
  const paths: ZodOpenApiPathsObject = {}
  for (const route of ROUTES) {
    const item = (paths[route.path] ??= {}) as Record<string, ZodOpenApiOperationObject>
    item[route.method.toLowerCase()] = operation(route)
  }
  cached = createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Digital Office API',
      version: '1',
      description: 'Văn phòng số cho cơ quan Đảng, Mặt trận và các đoàn thể — Digital Office for Party agencies, the Fatherland Front and socio-political organisations. '
        + 'Sign in at POST /api/auth/login and send the token as `Authorization: Bearer …`. Messages follow Accept-Language (vi, en).',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'auth', description: 'Đăng nhập — Sign-in' },
      { name: 'org', description: 'Tổ chức, người dùng, nhật ký — Organisation, people, audit' },
      { name: 'documents', description: 'Văn bản — Official documents' },
      { name: 'members', description: 'Đảng viên, đảng phí, chuyển sinh hoạt — Members, fees, transfers' },
      { name: 'archives', description: 'Số hoá, lưu trữ, bàn giao — Digitisation, archives, handover' },
      { name: 'assistant', description: 'Trợ lý — Assistant' },
      { name: 'tasks', description: 'Nhiệm vụ — Tasks' },
      { name: 'notifications', description: 'Thông báo — Notifications' },
      { name: 'dashboards', description: 'Chỉ tiêu, báo cáo — KPI dashboards and reports' },
      { name: 'meetings', description: 'Phòng họp không giấy — Paperless meetings' },
      { name: 'schedules', description: 'Lịch công tác — Schedules' },
      { name: 'datarequests', description: 'Yêu cầu số liệu — Data requests' },
      { name: 'cases', description: 'Vụ việc, kiến nghị cử tri — Cases and petitions' },
    ],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  })
  return cached
}
