import { VigieConfig } from '@app/config';
import { Injectable, Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AccountException } from './account.exception';

export interface AccountMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends the invitation and reset e-mails through SMTP_URL. Without it (local runs) the message
 * is logged instead, so a developer can still follow the link.
 */
@Injectable()
export class AccountMailerService {
  private readonly logger = new Logger(AccountMailerService.name);
  private transport: Transporter | null = null;

  constructor(private readonly config: VigieConfig) {}

  async send(mail: AccountMail): Promise<void> {
    if (!this.config.SMTP_URL) {
      this.logger.warn(`SMTP_URL is not set; e-mail to ${mail.to} not sent:\n${mail.text}`);
      return;
    }
    this.transport ??= createTransport(this.config.SMTP_URL);
    try {
      await this.transport.sendMail({ from: this.config.MAIL_FROM, ...mail });
    } catch (error) {
      this.logger.error(`E-mail to ${mail.to} failed: ${(error as Error).message}`);
      throw AccountException.mailFailed();
    }
  }
}
