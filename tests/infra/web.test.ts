import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { App } from 'aws-cdk-lib'
import { Template } from 'aws-cdk-lib/assertions'
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../infra/config/index.js'
import { WebStack } from '../../infra/stacks/web-stack.js'
import { nagFindings } from './synth.js'

const workdir = mkdtempSync(join(tmpdir(), 'do-web-'))
afterAll(() => rmSync(workdir, { recursive: true, force: true }))

/** The web stack alone (no bundling): the API and WAF are given by name. */
function webStack(siteDir: string): WebStack {
  const config = loadConfig('dev')
  const app = new App({ outdir: join(workdir, `out-${Math.random().toString(36).slice(2)}`), builtinCloudFormationValidation: false })
  const stack = new WebStack(app, 'do-dev-web', {
    env: { region: config.region },
    config,
    apiDomainName: 'abc123.execute-api.ap-southeast-1.amazonaws.com',
    webAclArn: 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/do-dev-web/0000',
    uploadsBucketName: 'do-dev-uploads-111122223333-ap-southeast-1',
    siteDir,
  })
  app.synth()
  return stack
}

describe('web stack and the built SPA', () => {
  it('synthesises before the SPA is built: no deployment, nothing for cdk-nag to object to', () => {
    const stack = webStack(join(workdir, 'missing-dist'))
    expect(stack.deploysSite).toBe(false)
    Template.fromStack(stack).resourceCountIs('Custom::CDKBucketDeployment', 0)
    expect(nagFindings(stack)).toEqual([])
  })

  it('deploys web/dist into the site bucket and invalidates CloudFront once it is built, still cdk-nag clean', () => {
    const dist = join(workdir, 'dist')
    mkdirSync(dist)
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Văn phòng số</title>')
    const stack = webStack(dist)
    expect(stack.deploysSite).toBe(true)
    const template = Template.fromStack(stack)
    template.resourceCountIs('Custom::CDKBucketDeployment', 1)
    template.hasResourceProperties('Custom::CDKBucketDeployment', { DistributionPaths: ['/*'], Prune: true })
    expect(nagFindings(stack).map((v) => v.ruleName)).toEqual([])
  })

  it('rewrites client-side routes to index.html but leaves files and /api alone', () => {
    const template = Template.fromStack(webStack(join(workdir, 'missing-dist')))
    const [fn] = Object.values(template.findResources('AWS::CloudFront::Function'))
    const source = fn.Properties.FunctionCode as string
    const handler = new Function(`${source}; return handler`)() as (e: { request: { uri: string } }) => { uri: string }
    expect(handler({ request: { uri: '/units/42' } }).uri).toBe('/index.html')
    expect(handler({ request: { uri: '/assets/app-1a2b.js' } }).uri).toBe('/assets/app-1a2b.js')
    expect(handler({ request: { uri: '/favicon.svg' } }).uri).toBe('/favicon.svg')
  })
})
