/**
 * AWS SDK clients, created once per process (module scope) and reused across
 * invocations. Endpoints come from the standard AWS_ENDPOINT_URL_<SERVICE>
 * variables, which the embedded runtime points at its local engines.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { SFNClient } from '@aws-sdk/client-sfn'
import { S3Client } from '@aws-sdk/client-s3'

let ddb: DynamoDBDocumentClient | undefined
let sfn: SFNClient | undefined
let s3: S3Client | undefined

export function documentClient(): DynamoDBDocumentClient {
  ddb ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
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
    forcePathStyle: !!process.env.AWS_ENDPOINT_URL_S3,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  return s3
}

/** Forget clients (the embedded runtime restarts engines on new ports in tests). */
export function resetClients(): void { ddb = undefined; sfn = undefined; s3 = undefined }
