/** Sends the browser elsewhere (sign-in page, after a POST…), from anywhere in a handler. */
export class WebRedirect extends Error {
  constructor(readonly location: string) {
    super(`redirect to ${location}`);
  }
}

export type WebErrorKind = 'csrf' | 'forbidden' | 'not-found' | 'too-many';

/** A page-level refusal rendered as a French error page with the matching status. */
export class WebPageError extends Error {
  constructor(
    readonly kind: WebErrorKind,
    message?: string,
  ) {
    super(message ?? kind);
  }

  get status(): number {
    return { csrf: 403, forbidden: 403, 'not-found': 404, 'too-many': 429 }[this.kind];
  }
}
