import { DomainException } from '@app/common';

export enum ConfigExceptionCode {
  INVALID_CONFIGURATION = 'INVALID_CONFIGURATION',
}

export class ConfigException extends DomainException<ConfigExceptionCode> {
  readonly domain = 'config';

  get httpStatus(): number {
    return 500;
  }
}
