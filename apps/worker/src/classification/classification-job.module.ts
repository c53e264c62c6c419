import { Module } from '@nestjs/common';

/** Scoring of stored and changed calls (issue 4). */
@Module({})
export class ClassificationJobModule {}
