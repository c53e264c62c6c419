import { ImpactModule } from '@app/impact';
import { TreasuryModule } from '@app/treasury';
import { Module } from '@nestjs/common';
import { ApplicationController } from './application.controller';
import { ImpactController } from './impact.controller';
import { TreasuryController } from './treasury.controller';

/** Applications, funding plans and treasury API (issue 5); activity and funders' reports (issue 18). */
@Module({
  imports: [TreasuryModule, ImpactModule],
  controllers: [ApplicationController, TreasuryController, ImpactController],
})
export class ApplicationApiModule {}
