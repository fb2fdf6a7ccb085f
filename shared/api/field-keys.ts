/**
 * The field names a zod schema accepts, walked through objects, arrays,
 * optionals, unions, pipes and records: what a validation message may have
 * to name (the label table in shared/i18n/field-labels.ts covers them all).
 */
import type { z } from 'zod'

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; options?: z.ZodType[]; in?: z.ZodType; out?: z.ZodType; left?: z.ZodType; right?: z.ZodType; valueType?: z.ZodType; getter?: () => z.ZodType; items?: z.ZodType[]; rest?: z.ZodType | null }

export function fieldKeys(schema: z.ZodType, out = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (seen.has(schema)) return out
  seen.add(schema)
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def
  const next = (s: z.ZodType | null | undefined) => { if (s) fieldKeys(s, out, seen) }
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape ?? {})) { out.add(k); next(v) }
      break
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'catch': case 'readonly': case 'nonoptional': case 'success':
      next(def.innerType); break
    case 'array': next(def.element); break
    case 'union': for (const o of def.options ?? []) next(o); break
    case 'pipe': next(def.in); next(def.out); break
    case 'intersection': next(def.left); next(def.right); break
    case 'record': next(def.valueType); break
    case 'lazy': if (def.getter) next(def.getter()); break
    case 'tuple': for (const i of def.items ?? []) next(i); next(def.rest); break
    default: break
  }
  return out
}
