import type { ResolvedSession } from '@app/account';
import type { Principal } from '@app/tenancy';
import type { Request } from 'express';

/** An express request after the web guard: its session (if any) and, when signed in, who. */
export interface WebRequest extends Request {
  webSession?: ResolvedSession | null;
  /** The anonymous forms' CSRF nonce set on this very response (the request had none yet). */
  csrfNonce?: string;
  principal?: Principal;
}

/** A signed-in request: what page handlers receive. */
export interface SignedInRequest extends WebRequest {
  webSession: ResolvedSession;
  principal: Principal;
}
