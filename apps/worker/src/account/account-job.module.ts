import { AccountModule } from '@app/account';
import { Module } from '@nestjs/common';
import { AccountPurgeConsumer } from './account-purge.consumer';
import { AccountPurgeCron } from './account-purge.cron';

/** Clean-up of web accounts' expired rows (issue 17, finding 7): a cron enqueues, a consumer runs. */
@Module({
  imports: [AccountModule],
  providers: [AccountPurgeCron, AccountPurgeConsumer],
})
export class AccountJobModule {}
