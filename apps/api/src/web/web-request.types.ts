import type { ResolvedSession } from '@app/account';
import type { Principal } from '@app/tenancy';
import type { Request } from 'express';

/** An express request after the web guard: its session (if any) and, when signed in, who. */
export interface WebRequest extends Request {
  webSession?: ResolvedSession | null;
  principal?: Principal;
}

/** A signed-in request: what page handlers receive. */
export interface SignedInRequest extends WebRequest {
  webSession: ResolvedSession;
  principal: Principal;
}
