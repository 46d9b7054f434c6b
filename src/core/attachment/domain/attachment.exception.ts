import { DomainException } from '../../shared';

/** Every expected way an upload or a download can fail. */
export enum AttachmentErrorCode {
  /** Not a type Sigap takes (sniffed from the bytes). */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** A known type whose structure does not hold (a forged header, a truncated file). */
  MALFORMED_MEDIA = 'MALFORMED_MEDIA',
  TOO_LARGE = 'ATTACHMENT_TOO_LARGE',
  /** The request is not a multipart upload with one file field. */
  BAD_UPLOAD = 'BAD_UPLOAD',
  /** The download link was altered, or names no attachment. */
  LINK_INVALID = 'LINK_INVALID',
  LINK_EXPIRED = 'LINK_EXPIRED',
}

/**
 * The attachment domain's one exception; the HTTP edge (AttachmentController)
 * maps each code to a status and a JSON body `{ error: { code, message } }`.
 *
 * @example
 * throw AttachmentException.tooLarge(16 * 1024 * 1024);
 */
export class AttachmentException extends DomainException<AttachmentErrorCode> {
  static unsupported(reason: string): AttachmentException {
    return new AttachmentException(AttachmentErrorCode.UNSUPPORTED_MEDIA_TYPE, reason);
  }

  static malformed(reason: string): AttachmentException {
    return new AttachmentException(AttachmentErrorCode.MALFORMED_MEDIA, `The file is not what it claims to be: ${reason}`);
  }

  static tooLarge(maxBytes: number): AttachmentException {
    return new AttachmentException(AttachmentErrorCode.TOO_LARGE, `The file is larger than ${Math.floor(maxBytes / 1024)} KiB`, { maxBytes });
  }

  static badUpload(reason: string): AttachmentException {
    return new AttachmentException(AttachmentErrorCode.BAD_UPLOAD, reason);
  }

  static linkInvalid(): AttachmentException {
    return new AttachmentException(AttachmentErrorCode.LINK_INVALID, 'This download link is not valid');
  }

  static linkExpired(): AttachmentException {
    return new AttachmentException(AttachmentErrorCode.LINK_EXPIRED, 'This download link has expired: read the ticket again for a fresh one');
  }
}
