import type { Logger } from 'pino';

/** What an SMS provider implements for the hall: one text to one mobile number. */
export interface SmsGateway {
  send(phone: string, text: string): Promise<void>;
}

/** The demo gateway: it sends nothing and logs the message, the number masked. */
export class LoggingSmsGateway implements SmsGateway {
  constructor(private readonly logger: Logger) {}

  async send(phone: string, text: string): Promise<void> {
    this.logger.info({ to: `${phone.slice(0, 3)}****${phone.slice(-4)}`, text }, 'SMS (demo gateway: not sent)');
  }
}
