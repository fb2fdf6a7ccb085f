/**
 * AWS SDK clients, created once per process (module scope) and reused across
 * invocations. Endpoints come from the standard AWS_ENDPOINT_URL_<SERVICE>
 * variables, which the embedded runtime points at its local engines.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { SFNClient } from '@aws-sdk/client-sfn'
import { S3Client } from '@aws-sdk/client-s3'
import { envNow } from './env.js'

let raw: DynamoDBClient | undefined
let ddb: DynamoDBDocumentClient | undefined
let sfn: SFNClient | undefined
let s3: S3Client | undefined

/** The plain DynamoDB client (the document client wraps it; Powertools' idempotency store takes it as is). */
export function dynamoClient(): DynamoDBClient {
  raw ??= new DynamoDBClient({})
  return raw
}

export function documentClient(): DynamoDBDocumentClient {
  ddb ??= DynamoDBDocumentClient.from(dynamoClient(), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  })
  return ddb
}

export function stepFunctions(): SFNClient {
  sfn ??= new SFNClient({})
  return sfn
}

export function s3Client(): S3Client {
  s3 ??= new S3Client({
    forcePathStyle: !!envNow().AWS_ENDPOINT_URL_S3,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  return s3
}

/** Forget clients (the embedded runtime restarts engines on new ports in tests). */
export function resetClients(): void { raw = undefined; ddb = undefined; sfn = undefined; s3 = undefined }
