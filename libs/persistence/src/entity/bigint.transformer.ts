import { ValueTransformer } from 'typeorm';

/**
 * PostgreSQL bigint arrives as a string (it can exceed 2^53); our amounts in cents stay far
 * below that, so they are read back as numbers.
 */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};
