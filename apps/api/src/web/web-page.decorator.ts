import type { MemberRole } from '@app/persistence';
import { Public } from '@app/tenancy';
import { applyDecorators, Controller, SetMetadata, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { WebExceptionFilter } from './web-exception.filter';
import { WebSessionGuard } from './web-session.guard';

export const WEB_ROLES = 'vigie:web-roles';
export const WEB_ANONYMOUS = 'vigie:web-anonymous';

/**
 * A controller of web pages: skipped by the API-key guard (pages never accept API keys, and
 * API routes never accept the session cookie), authenticated by the session guard instead,
 * with errors rendered as French pages.
 */
export const WebController = (path = '') =>
  applyDecorators(
    Controller(path),
    Public(),
    UseGuards(WebSessionGuard),
    UseFilters(WebExceptionFilter),
    ApiExcludeController(),
  );

/** Restricts a page or action to some roles (as the API does); others get a 403 page. */
export const PageRoles = (...roles: MemberRole[]) => SetMetadata(WEB_ROLES, roles);

/** A page open without signing in (sign-in, reset, invitation). POSTs still need the CSRF token. */
export const AnonymousPage = () => SetMetadata(WEB_ANONYMOUS, true);
