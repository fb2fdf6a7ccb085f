/**
 * Signing of official documents: stamp the number and date, sign (the
 * signer's signature, then the organisation's seal), verify — ours and
 * anyone's. Keys sit behind a port (KMS on AWS, a development CA locally),
 * so this code never touches a private key.
 */
export { stampNumberAndDate, signingBlock, pageCount, isPdf, type NumberAndDate, type PdfCheck, type PdfProblem } from './stamp.js'
export type { SigningBlock } from './layout.js'
export { signPdf, vietnamTime, type SignRequest, type Rect } from './pades.js'
export {
  verifyPdf, type VerificationReport, type SignatureReport, type SignatureProblem, type CertificateSummary,
} from './verify.js'
export { signingKeys, trustRoots, resetSigningCaches } from './keys.js'
export type { SignerRef, SigningKeyStore } from './keys-port.js'
export { localSigningKeys, DEV_CA_NAME, type LocalSigningKeyStore } from './keys-local.js'
export { kmsSigningKeys, keyAlias, certificateKey, type KmsSigningConfig } from './keys-kms.js'
export { SIGNING_MESSAGES } from '../../../shared/i18n/signing.js'
