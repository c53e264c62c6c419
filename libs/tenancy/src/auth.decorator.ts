import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { MemberRole } from '@app/persistence';
import { Principal } from './principal';

export const PUBLIC_ROUTE = 'vigie:public';
export const REQUIRED_ROLES = 'vigie:roles';

/** Opens a route to anonymous callers (health, feeds with their own token). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Restricts a route to some roles; without it, every member of the organisation may call. */
export const Roles = (...roles: MemberRole[]) => SetMetadata(REQUIRED_ROLES, roles);

export interface AuthenticatedRequest {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
}

/** The caller resolved by the auth guard. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw new Error('CurrentPrincipal used on a public route');
    return principal;
  },
);
