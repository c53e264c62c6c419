import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins counted per key (`ip:…` or `email:…`) in a fixed window, in the database so
 * that every api process sees the same count.
 */
@Entity({ name: 'sign_in_throttle' })
export class SignInThrottle {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ name: 'window_started_at', type: 'timestamptz' })
  windowStartedAt: Date;

  @Column({ type: 'int' })
  failures: number;
}
