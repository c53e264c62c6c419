import { Module } from '@nestjs/common';
import { AccountMailerService } from './account-mailer.service';
import { AccountPurgeService } from './account-purge.service';
import { AnonymousCsrfService } from './anonymous-csrf.service';
import { AccountPurgeQueueService } from './queue/account-purge-queue.service';
import { AccountService } from './account.service';
import { AuthTokenService } from './auth-token.service';
import { SignInThrottleService } from './sign-in-throttle.service';
import { WebSessionService } from './web-session.service';

/** Web accounts: passwords, sessions, sign-in throttling, invitations and resets. */
@Module({
  providers: [
    AccountService,
    AccountMailerService,
    AccountPurgeQueueService,
    AccountPurgeService,
    AnonymousCsrfService,
    AuthTokenService,
    SignInThrottleService,
    WebSessionService,
  ],
  exports: [
    AccountService,
    AccountPurgeQueueService,
    AccountPurgeService,
    AnonymousCsrfService,
    WebSessionService,
  ],
})
export class AccountModule {}
