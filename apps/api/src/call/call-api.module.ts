import { ClassificationModule } from '@app/classifier';
import { EligibilityModule } from '@app/eligibility';
import { Module } from '@nestjs/common';
import { CallController } from './call.controller';
import { CallQueryService } from './call-query.service';

/** Calls, classification and feedback API (issue 4). */
@Module({
  imports: [ClassificationModule, EligibilityModule],
  controllers: [CallController],
  providers: [CallQueryService],
})
export class CallApiModule {}
