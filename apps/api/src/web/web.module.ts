import { Module } from '@nestjs/common';

/** The French web application: server-rendered pages (issue 7). */
@Module({})
export class WebModule {}
