import { hasAscii, MediaRejected } from './media-rejected';

/** Whether the bytes start like a PDF. */
export function looksLikePdf(input: Buffer): boolean {
  return hasAscii(input, 0, '%PDF-');
}

/** PDF actions that run something when the document is opened. */
const ACTIVE_CONTENT = /\/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA)\b/;

/**
 * A PDF is accepted as it is (its metadata is not removed): a version in
 * the header, an end-of-file marker near the end, and none of the names that
 * make a PDF run something. The last check reads the file's uncompressed
 * parts only (names inside compressed object streams are not seen): a
 * best-effort filter, not a sandbox.
 *
 * @example
 * checkPdf(letter); // 'application/pdf'
 */
export function checkPdf(input: Buffer): string {
  if (!/^%PDF-[12]\.\d/.test(input.toString('latin1', 0, 8))) throw new MediaRejected('MALFORMED', 'PDF: no version in the header');
  const tail = input.toString('latin1', Math.max(0, input.length - 2048));
  if (!tail.includes('%%EOF')) throw new MediaRejected('MALFORMED', 'PDF: no end-of-file marker (truncated?)');
  if (ACTIVE_CONTENT.test(input.toString('latin1'))) throw new MediaRejected('UNSUPPORTED_TYPE', 'PDF with scripts, launch actions or embedded files is not accepted');
  return 'application/pdf';
}
