import { argon2id, argon2Verify } from 'hash-wasm';
import { randomBytes } from 'node:crypto';

/**
 * OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane). The parameters are written into the
 * PHC string, so raising them later only affects new hashes and old ones still verify.
 */
const ARGON2_PARAMETERS = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 };

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export async function hashPassword(password: string): Promise<string> {
  return argon2id({
    password,
    salt: randomBytes(16),
    ...ARGON2_PARAMETERS,
    outputType: 'encoded',
  });
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (!hash.startsWith('$argon2id$')) return false;
  try {
    return await argon2Verify({ password, hash });
  } catch {
    return false;
  }
}

/** The French reason a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères.`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`;
  }
  if (new Set(password).size < 4) return 'Le mot de passe est trop répétitif.';
  if (email && password.toLowerCase().includes(email.toLowerCase().split('@')[0])) {
    return 'Le mot de passe ne doit pas contenir votre adresse e-mail.';
  }
  return null;
}
