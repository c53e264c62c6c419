import { VigieConfig } from '@app/config';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AccountException } from './account.exception';

export interface AccountMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends the invitation and reset e-mails through SMTP_URL. Without it (local runs) only the
 * recipient and subject are logged: the body carries a link whose token opens an account, and
 * whoever reads the log must not be able to use it.
 */
@Injectable()
export class AccountMailerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AccountMailerService.name);
  private transport: Transporter | null = null;

  constructor(private readonly config: VigieConfig) {}

  /** Production says once, at start, that nobody will receive an invitation or reset link. */
  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV === 'production' && !this.config.SMTP_URL) {
      this.logger.warn(
        'SMTP_URL is not set: e-mail is off, invitation and password-reset e-mails are not sent',
      );
    }
  }

  /** True when the mail was handed to SMTP; false when e-mail is off (nothing sent). */
  async send(mail: AccountMail): Promise<boolean> {
    if (!this.config.SMTP_URL) {
      this.logger.warn(`SMTP_URL is not set; e-mail to ${mail.to} not sent: « ${mail.subject} »`);
      return false;
    }
    this.transport ??= createTransport(this.config.SMTP_URL);
    try {
      await this.transport.sendMail({ from: this.config.MAIL_FROM, ...mail });
    } catch (error) {
      this.logger.error(`E-mail to ${mail.to} failed: ${(error as Error).message}`);
      throw AccountException.mailFailed();
    }
    return true;
  }
}
