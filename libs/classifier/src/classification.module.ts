import { Module } from '@nestjs/common';

/** Stored classifications and per-organisation feedback, for the Nest processes. */
@Module({})
export class ClassificationModule {}
