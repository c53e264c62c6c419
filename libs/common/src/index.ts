export { DomainException } from './domain.exception';
