/**
 * Base of every domain's exception. Each domain declares one subclass with its own code enum
 * and the HTTP status of each code, so the one global filter never needs to know the domains.
 */
export abstract class DomainException<Code extends string = string> extends Error {
  abstract readonly domain: string;

  constructor(
    readonly code: Code,
    message: string,
    /** Extra, client-safe facts about the failure (the field at fault, the line number…). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** HTTP status for this code; 400 unless the domain says otherwise. */
  abstract get httpStatus(): number;
}
