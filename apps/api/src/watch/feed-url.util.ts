export interface FeedRequest {
  protocol: string;
  get(name: string): string | undefined;
}

/** The address the caller used, so feed links work behind the same host and port. */
export function baseUrlOf(request: FeedRequest): string {
  return `${request.protocol}://${request.get('host') ?? '127.0.0.1'}`;
}
