export { ApiKeyService, type IssuedApiKey } from './api-key.service';
export { apiKeyLooksValid, generateApiKey, hashApiKey } from './api-key.util';
export { CurrentPrincipal, Public, Roles, type AuthenticatedRequest } from './auth.decorator';
export { AuthGuard } from './auth.guard';
export {
  OrganisationService,
  type CreatedOrganisation,
  type CreateOrganisationInput,
  type OrganisationPatch,
} from './organisation.service';
export type { Principal } from './principal';
export { TenancyException, TenancyExceptionCode } from './tenancy.exception';
export { TenancyModule } from './tenancy.module';
