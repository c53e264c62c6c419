import { Module } from '@nestjs/common';
import { ApiKeyService } from './api-key.service';
import { AuthGuard } from './auth.guard';
import { OrganisationService } from './organisation.service';

@Module({
  providers: [ApiKeyService, OrganisationService, AuthGuard],
  exports: [ApiKeyService, OrganisationService, AuthGuard],
})
export class TenancyModule {}
