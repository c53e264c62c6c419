import { TreasuryModule } from '@app/treasury';
import { Module } from '@nestjs/common';
import {
  impactReferencesProvider,
  indicatorCatalogueProvider,
} from './nest/impact-config.provider';
import { ImpactService } from './nest/impact.service';

/** Activity indicators and funders' reports (issue 18); money comes from the treasury module. */
@Module({
  imports: [TreasuryModule],
  providers: [indicatorCatalogueProvider, impactReferencesProvider, ImpactService],
  exports: [indicatorCatalogueProvider, impactReferencesProvider, ImpactService],
})
export class ImpactModule {}
