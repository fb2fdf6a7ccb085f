/** pdf.js's worker module, imported for its in-process message handler (text extraction in Node). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown
}
