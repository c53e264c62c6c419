import { Module } from '@nestjs/common';

/** Calls, classification and feedback API (issue 4). */
@Module({})
export class CallApiModule {}
