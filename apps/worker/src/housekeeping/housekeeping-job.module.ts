import { Module } from '@nestjs/common';
import { HousekeepingJob } from './housekeeping.job';
import { HousekeepingService } from './housekeeping.service';

/** Bounded background tables (issue 16, item 5). */
@Module({ providers: [HousekeepingService, HousekeepingJob] })
export class HousekeepingJobModule {}
