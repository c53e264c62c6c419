import { DomainException } from '@app/common';

export enum EligibilityExceptionCode {
  VOCABULARY_NOT_FOUND = 'ELIGIBILITY_VOCABULARY_NOT_FOUND',
  VOCABULARY_INVALID = 'ELIGIBILITY_VOCABULARY_INVALID',
}

/**
 * A vocabulary file the extractor refuses. The message names the file, the line and the field,
 * so whoever edits config/eligibility.yaml can fix it without reading code.
 */
export class EligibilityException extends DomainException<EligibilityExceptionCode> {
  readonly domain = 'eligibility';

  constructor(
    code: EligibilityExceptionCode,
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly field?: string,
  ) {
    super(
      code,
      file ? `${file}${line ? `:${line}` : ''}${field ? `: ${field}` : ''}: ${message}` : message,
      { file, line, field },
    );
  }

  get httpStatus(): number {
    // A broken vocabulary is a server-side configuration fault, never the caller's.
    return 500;
  }
}
