import type { MemberRole } from '@app/persistence';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeyService } from './api-key.service';
import { AuthenticatedRequest, PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorator';
import { TenancyException } from './tenancy.exception';

/** Secure by default: every route needs a valid API key unless it is marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.apiKeys.authenticate(bearerToken(request));
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<MemberRole[] | undefined>(
      REQUIRED_ROLES,
      targets,
    );
    if (roles && !roles.includes(principal.role)) throw TenancyException.forbidden(principal.role);
    return true;
  }
}

function bearerToken(request: AuthenticatedRequest): string | undefined {
  const header = request.headers['authorization'];
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}
