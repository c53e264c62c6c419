import { hashPassword, passwordProblem, verifyPassword } from './password.util';

describe('password.util', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('cheval-agrafe-pile');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(verifyPassword('cheval-agrafe-pile', hash)).resolves.toBe(true);
    await expect(verifyPassword('cheval-agrafe-pilE', hash)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('même mot de passe')).not.toBe(
      await hashPassword('même mot de passe'),
    );
  });

  it('refuses a hash that is not argon2id instead of throwing', async () => {
    await expect(verifyPassword('x', '$2b$10$abcdefghijklmnopqrstuv')).resolves.toBe(false);
    await expect(verifyPassword('x', '$argon2id$garbage')).resolves.toBe(false);
  });

  it.each([
    ['court', /au moins 10 caractères/],
    ['aaaaaaaaaaaa', /répétitif/],
    ['camille.martin2027', /adresse e-mail/],
    ['x'.repeat(201), /dépasser 200/],
  ])('explains in French why %s is refused', (password, reason) => {
    expect(passwordProblem(password, 'camille.martin@epn.fr')).toMatch(reason);
  });

  it('accepts a long, varied password', () => {
    expect(passwordProblem('le phare de Brest 1927', 'camille@epn.fr')).toBeNull();
  });
});
