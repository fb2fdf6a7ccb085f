/**
 * Step Functions state machines. The ASL file is the single source: CDK loads
 * it with `DefinitionBody.fromFile` and substitutes the function ARNs; the
 * embedded runtime loads the same file and substitutes local function ARNs.
 */
export interface WorkflowDefinition {
  readonly id: string
  /** ASL JSON file, relative to the repository root. */
  readonly file: string
  /** `${Name}` placeholders in the ASL → the module whose function ARN replaces it. */
  readonly functionSubstitutions: Readonly<Record<string, string>>
  /** Environment variable through which functions learn the state machine ARN. */
  readonly arnEnvVar: string
  readonly description: string
}

export const WORKFLOWS = [
  {
    id: 'reorganisation-approval',
    file: 'infra/workflows/reorganisation-approval.asl.json',
    functionSubstitutions: { OrgTasksFunctionArn: 'org-tasks' },
    arnEnvVar: 'REORGANISATION_STATE_MACHINE_ARN',
    description: 'A merge, split or dissolution approved by the superior unit, with a deadline and escalation',
  },
  {
    id: 'party-transfer',
    file: 'infra/workflows/party-transfer.asl.json',
    functionSubstitutions: { MembersTasksFunctionArn: 'members-tasks' },
    arnEnvVar: 'TRANSFER_STATE_MACHINE_ARN',
    description: 'Transfer of Party activity: approval chain with working-day deadlines and escalation, signed introduction letter, acceptance by the receiving cell',
  },
  {
    id: 'residence-comment',
    file: 'infra/workflows/residence-comment.asl.json',
    functionSubstitutions: { MembersTasksFunctionArn: 'members-tasks' },
    arnEnvVar: 'COMMENT_STATE_MACHINE_ARN',
    description: 'Yearly comment of the residence cell on a member working elsewhere: form, confirmation by the ward, return to the workplace cell, escalation when overdue',
  },
  {
    id: 'digitisation',
    file: 'infra/workflows/digitisation.asl.json',
    functionSubstitutions: { ArchivesTasksFunctionArn: 'archives-tasks' },
    arnEnvVar: 'DIGITISATION_STATE_MACHINE_ARN',
    description: 'Digitisation of a batch of scans: each page read with retries and its own failure branch, then documents assembled and their metadata extracted',
  },
  {
    id: 'case-deadlines',
    file: 'infra/workflows/case-deadlines.asl.json',
    functionSubstitutions: { CasesTasksFunctionArn: 'cases-tasks' },
    arnEnvVar: 'CASE_DEADLINES_STATE_MACHINE_ARN',
    description: 'The legal time limit of a case step (acceptance, handling): reminder at half the time, escalation to the commission\'s chair at the deadline',
  },
] as const satisfies readonly WorkflowDefinition[]
