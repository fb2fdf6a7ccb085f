import { describe, expect, it } from 'vitest'
import { eventually, login } from '../../support/api.js'
import { HANGBAC, newCell, newMember } from './support.js'

const criteria = { example: true, civicDuties: true, meetings: true, contact: true, residentsViews: false }

describe('yearly comment of the residence cell (Step Functions workflow)', () => {
  it('asks the residence cell for members living there (exempt ones skipped), the ward confirms, the result returns to the workplace cell', async () => {
    const admin = await login('admin')
    const workplace = await newCell(admin)
    const living = await newMember(admin, workplace, { residenceCellId: HANGBAC })
    const soldier = await newMember(admin, workplace, { residenceCellId: HANGBAC, commentExemption: 'barracks' })
    await newMember(admin, workplace)
    const opened = await admin.post('/api/members/comments/campaigns', { cellId: workplace, year: 2026 })
    expect(opened.status, JSON.stringify(opened.body)).toBe(201)
    expect(opened.body.created.map((c: any) => c.memberId)).toEqual([living.memberId])
    expect(opened.body.skipped).toEqual(expect.arrayContaining([{ memberId: soldier.memberId, reason: 'barracks' }]))
    const id = opened.body.created[0].commentId
    // A second campaign for the year asks nobody twice.
    expect((await admin.post('/api/members/comments/campaigns', { cellId: workplace, year: 2026 })).body.created).toEqual([])

    const residence = await login('bithu.cb.hangbac')
    const outsider = await login('bithu.cb.hangdao')
    await eventually(async () => expect((await residence.get('/api/members/comments')).body.comments.map((c: any) => c.commentId)).toContain(id))
    expect((await outsider.post(`/api/members/comments/${id}/form`, { criteria, conclusion: 'good' })).status).toBe(403)
    const bad = await residence.post(`/api/members/comments/${id}/form`, { criteria: { example: true }, conclusion: 'excellent' })
    expect(bad.status).toBe(400)
    await eventually(async () => expect((await residence.post(`/api/members/comments/${id}/form`, { criteria, conclusion: 'good', note: 'Gương mẫu, tham gia đầy đủ' })).status).toBe(200))

    const ward = await login('bithu.hoankiem')
    await eventually(async () => expect((await ward.post(`/api/members/comments/${id}/confirmation`, { note: 'Xác nhận' })).status).toBe(200))
    const done = await eventually(async () => {
      const c = (await admin.get(`/api/members/comments/${id}`)).body.comment
      expect(c.status).toBe('returned')
      return c
    })
    expect(done.form).toMatchObject({ conclusion: 'good', criteria })
    expect(done.history.map((h: any) => h.status)).toEqual(['requested', 'filled', 'confirmed', 'returned'])

    // The workplace cell's campaign list: this year's requests and their state; other years and other cells' officers see nothing of it.
    const campaign = await admin.get(`/api/members/comments?cellId=${workplace}&year=2026`)
    expect(campaign.body.comments.map((c: any) => [c.memberId, c.status, c.form?.conclusion])).toEqual([[living.memberId, 'returned', 'good']])
    expect(campaign.body.comments[0].taskToken).toBeUndefined()
    expect((await admin.get(`/api/members/comments?cellId=${workplace}&year=2025`)).body.comments).toEqual([])
    expect((await outsider.get(`/api/members/comments?cellId=${workplace}&year=2026`)).status).toBe(403)
    expect((await admin.get(`/api/members/comments?cellId=${workplace}&year=abc`)).status).toBe(400)
  })

  it('escalates an overdue request to the ward, and expires it after a second miss', async () => {
    const admin = await login('admin')
    const workplace = await newCell(admin)
    await newMember(admin, workplace, { residenceCellId: HANGBAC })
    const opened = await admin.post('/api/members/comments/campaigns', { cellId: workplace, year: 2025, deadlineSeconds: 1 })
    const id = opened.body.created[0].commentId
    const done = await eventually(async () => {
      const c = (await admin.get(`/api/members/comments/${id}`)).body.comment
      expect(c.status).toBe('expired')
      return c
    }, { timeoutMs: 30_000 })
    expect(done.history.map((h: any) => h.status)).toEqual(['requested', 'escalated:requested', 'expired'])
  })
})
