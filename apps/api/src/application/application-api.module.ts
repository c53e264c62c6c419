import { TreasuryModule } from '@app/treasury';
import { Module } from '@nestjs/common';
import { ApplicationController } from './application.controller';
import { TreasuryController } from './treasury.controller';

/** Applications, funding plans and treasury API (issue 5). */
@Module({
  imports: [TreasuryModule],
  controllers: [ApplicationController, TreasuryController],
})
export class ApplicationApiModule {}
