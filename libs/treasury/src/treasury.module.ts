import { ClassificationModule } from '@app/classifier';
import { EligibilityModule } from '@app/eligibility';
import { Module } from '@nestjs/common';
import { ApplicationService } from './nest/application.service';
import { CofinancingService } from './nest/cofinancing.service';
import { fundingRulesProvider } from './nest/funding-rules.provider';
import { TreasurySettingsService } from './nest/treasury-settings.service';
import { TreasuryService } from './nest/treasury.service';

/** Applications, funding plans and treasury, for the Nest processes (repositories come from the global PersistenceModule). */
@Module({
  imports: [ClassificationModule, EligibilityModule],
  providers: [
    fundingRulesProvider,
    ApplicationService,
    TreasurySettingsService,
    TreasuryService,
    CofinancingService,
  ],
  exports: [
    fundingRulesProvider,
    ApplicationService,
    TreasurySettingsService,
    TreasuryService,
    CofinancingService,
  ],
})
export class TreasuryModule {}
