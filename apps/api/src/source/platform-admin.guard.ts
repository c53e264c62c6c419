import { VigieConfig } from '@app/config';
import { IngestionException, IngestionExceptionCode } from '@app/ingestion';
import { User } from '@app/persistence';
import type { AuthenticatedRequest } from '@app/tenancy';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

/**
 * Sources are shared by every organisation, so only platform administrators may change them:
 * the caller's user e-mail must be listed in PLATFORM_ADMIN_EMAILS *and* the key must be an
 * owner's. An administrator's viewer or member key (handed to a script or a colleague of another
 * organisation) is meant to read, so it must not rewrite what every organisation crawls.
 * Runs after the API-key guard.
 */
@Injectable()
export class PlatformAdminGuard implements CanActivate {
  constructor(
    private readonly config: VigieConfig,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    const admins = this.config.PLATFORM_ADMIN_EMAILS.map((email) => email.toLowerCase());
    const user = principal ? await this.users.findOne({ where: { id: principal.userId } }) : null;
    if (principal?.role === 'owner' && user?.email && admins.includes(user.email.toLowerCase())) {
      return true;
    }
    throw new IngestionException(
      IngestionExceptionCode.NOT_PLATFORM_ADMIN,
      'Seuls les administrateurs de la plateforme peuvent modifier les sources / only platform administrators may change sources',
    );
  }
}
