import { Module } from '@nestjs/common';
import { AccountMailerService } from './account-mailer.service';
import { AccountService } from './account.service';
import { AuthTokenService } from './auth-token.service';
import { SignInThrottleService } from './sign-in-throttle.service';
import { WebSessionService } from './web-session.service';

/** Web accounts: passwords, sessions, sign-in throttling, invitations and resets. */
@Module({
  providers: [
    AccountService,
    AccountMailerService,
    AuthTokenService,
    SignInThrottleService,
    WebSessionService,
  ],
  exports: [AccountService, WebSessionService],
})
export class AccountModule {}
