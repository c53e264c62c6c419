import {
  applyDecorators,
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import { PageRoles } from '../web-page.decorator';
import type { SignedInRequest } from '../web-request.types';
import type { OrganisationRef } from './collectif-page.query';
import { CollectifPageService, CURATING_ROLES } from './collectif-page.service';

/** A curation request, once the guard has found the collectif it curates. */
interface CurationRequest extends SignedInRequest {
  curatedCollectif: OrganisationRef;
}

/**
 * Curation is a collectif's business: a structure is refused (403 page) as the API refuses it,
 * after the session guard has checked the role and before the path and form are read.
 */
@Injectable()
export class CollectifCurationGuard implements CanActivate {
  constructor(private readonly pages: CollectifPageService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<CurationRequest>();
    request.curatedCollectif = await this.pages.assertCollectif(request);
    return true;
  }
}

/** A coordinator's action: owners and members of a collectif (as the API). */
export const CollectifCuration = () =>
  applyDecorators(PageRoles(...CURATING_ROLES), UseGuards(CollectifCurationGuard));

/** The collectif a `@CollectifCuration()` action curates. */
export const CuratedCollectif = createParamDecorator(
  (_: unknown, context: ExecutionContext): OrganisationRef =>
    context.switchToHttp().getRequest<CurationRequest>().curatedCollectif,
);
