import { DomainException } from '@app/common';

export enum ClassifierExceptionCode {
  ThesaurusNotFound = 'THESAURUS_NOT_FOUND',
  ThesaurusSyntax = 'THESAURUS_SYNTAX',
  ThesaurusInvalid = 'THESAURUS_INVALID',
  FeedbackInvalid = 'FEEDBACK_INVALID',
}

/**
 * A thesaurus (or feedback input) the classifier refuses. Thesaurus failures name the file and
 * the line so a coordinator editing the YAML can fix it without reading code.
 */
export class ThesaurusError extends DomainException<ClassifierExceptionCode> {
  readonly domain = 'classifier';

  constructor(
    code: ClassifierExceptionCode,
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(code, file ? `${file}${line ? `:${line}` : ''}: ${message}` : message, { file, line });
  }

  get httpStatus(): number {
    // A broken shared thesaurus is a server-side configuration fault, not the caller's.
    return this.code === ClassifierExceptionCode.FeedbackInvalid ? 400 : 500;
  }
}
