/**
 * Appraise a draft: its text (typed in, or out of an uploaded DOCX or PDF),
 * the rule-based checks against the register and the unit tree, and on AWS
 * the model's comments on substance, marked as suggestions. Something that
 * is not a document is refused with a clear message. The run is audited
 * (who appraised what, how many findings); the draft itself is not kept.
 */
import { DomainError, RuleError } from '../../../shared/errors/index.js'
import { translate, type Lang } from '../../../shared/i18n/messages.js'
import { appraise as runRules, citedSymbols, draftLines, looksLikeDocument, nearKeys, type Finding, type RegisterEntry, type UnitName } from '../../../shared/assistant/appraisal.js'
import type { AppraisalReport, AppraiseBody } from '../../../shared/assistant/contracts.js'
import { nameOn } from '../../../shared/org/tree.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { visibility } from '../../documents/usecases/lists.js'
import { acceptUpload } from '../../documents/usecases/uploaded-files.js'
import { assertDocumentUser } from '../../documents/usecases/verify.js'
import type { OrgContext } from '../../org/usecases/context.js'
import { registerEntries } from '../adapters/passages.js'
import { docxPages, pdfPages } from '../../lib/adapters/extract.js'
import { files } from '../../lib/adapters/blobs.js'
import { bedrockReview, bedrockRuntime } from '../adapters/bedrock.js'
import { assistantConfig } from '../config.js'

/**
 * Documents known to be replaced, with the date the replacement took effect
 * (data, extended as documents are superseded; the register marks corrections itself). [R]
 */
export const REPLACED: readonly { symbolKey: string; replacedBy: string; from: string }[] = [
  { symbolKey: '2hdvptw', replacedBy: '36-HD/VPTW', from: '2018-04-03' },
]

export async function appraiseDraft(ctx: OrgContext, body: AppraiseBody, lang: Lang): Promise<AppraisalReport> {
  await assertDocumentUser(ctx)
  const { pages, fileName } = await draftPages(ctx, body)
  const lines = draftLines(pages)
  if (lines.length === 0) throw new RuleError('assistant.draftEmpty')
  if (!looksLikeDocument(lines)) throw new RuleError('assistant.notADocument')

  // The register is asked for the cited symbols, the same numbers under other issuers, and the numbers one edit away (near misses).
  const cited = citedSymbols(pages)
  const v = await visibility(ctx)
  const register: RegisterEntry[] = (await registerEntries(v, [...new Set(cited.flatMap((c) => [c.key, ...nearKeys(c.symbol)]))], [...new Set(cited.map((c) => c.symbol.number))]))
    .map((e) => {
      const r = REPLACED.find((x) => x.symbolKey === e.symbolKey && x.from <= ctx.date)
      return r ? { ...e, inForce: false, replacedBy: r.replacedBy } : e
    })
  const index = await ctx.tree()
  const units: UnitName[] = [...index.values()].flatMap((u) => {
    const names = new Set([u.name, ...u.names.map((n) => n.name)])
    return [...names].map((name) => ({ name, kind: u.kind, ...(u.validTo ? { validTo: u.validTo } : {}), successorNames: u.successors.map((s) => index.get(s.unitId)).filter(Boolean).map((s) => nameOn(s!, ctx.date).name) }))
  })
  const findings: Finding[] = runRules(pages, { register, units, today: ctx.date })
  const cfg = assistantConfig()
  let engine = 'rules'
  if (cfg.ASSISTANT_ENGINE === 'bedrock') {
    const guardrail = cfg.BEDROCK_GUARDRAIL_ID ? { id: cfg.BEDROCK_GUARDRAIL_ID, version: cfg.BEDROCK_GUARDRAIL_VERSION } : undefined
    findings.push(...(await bedrockReview(bedrockRuntime(), cfg.BEDROCK_MODEL_ID, lines, guardrail)))
    engine = `rules+bedrock:${cfg.BEDROCK_MODEL_ID}`
  }
  const unit = ctx.actor.assignments[0]?.unitId
  if (unit) {
    await new Transaction().audit({ unitId: unit, action: 'assistant.appraise', target: fileName ?? 'text', details: { findings: findings.length, engine } }).commit(ctx.auditActor, ctx.now)
  }
  const count = (c: Finding['category']) => findings.filter((f) => f.category === c).length
  return {
    ...(fileName ? { fileName } : {}), pages, engine,
    counts: { format: count('format'), citation: count('citation'), consistency: count('consistency'), substance: count('substance') },
    findings: findings.map((f) => ({ ...f, message: translate(f.code, lang, f.params), suggestion: translate(f.fix.code, lang, f.fix.params) })),
  }
}

async function draftPages(ctx: OrgContext, body: AppraiseBody): Promise<{ pages: string[]; fileName?: string }> {
  if ('text' in body) return { pages: body.text.split(/\f/), ...(body.fileName ? { fileName: body.fileName } : {}) }
  const file = await acceptUpload(ctx, body.file, ['pdf', 'docx'])
  try {
    return { pages: file.kind === 'pdf' ? await pdfPages(file.bytes) : await docxPages(file.bytes), fileName: file.fileName }
  } catch {
    throw new DomainError('assistant.unreadableFile', 422)
  } finally {
    // An appraisal keeps nothing of the draft: the upload is deleted once read.
    await files.remove(body.file.objectKey)
  }
}
