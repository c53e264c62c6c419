import { AuthToken, Membership, Organisation, User, UserCredential } from '@app/persistence';
import type { MemberRole } from '@app/persistence';
import { Principal, TenancyException } from '@app/tenancy';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan, Repository } from 'typeorm';
import {
  INVITATION_TTL_MS,
  PASSWORD_RESET_TTL_MS,
  PASSWORD_RESETS_PER_HOUR,
} from './account.constants';
import { AccountException } from './account.exception';
import { AccountMailerService } from './account-mailer.service';
import { AuthTokenService } from './auth-token.service';
import { normaliseEmail } from './email.util';
import { hashPassword, passwordProblem, verifyPassword } from './password.util';
import { ROLE_LABELS } from './role-label.constants';
import { SignInThrottleService } from './sign-in-throttle.service';
import { WebSessionService } from './web-session.service';
import type { MembershipChoice } from './web-session.types';

export interface SignedInUser {
  userId: string;
  /** The organisation the session starts on: the user's oldest membership. */
  organisationId: string;
}

export interface InvitationView {
  email: string;
  organisationName: string;
  role: MemberRole;
  /** The address already has a password: accepting asks for it instead of a new one. */
  existingAccount: boolean;
}

export interface MemberView {
  userId: string;
  email: string | null;
  displayName: string | null;
  role: MemberRole;
  since: Date;
}

/** An invitation sent and not yet accepted, expired or withdrawn. */
export interface PendingInvitation {
  id: string;
  email: string;
  role: MemberRole;
  sentAt: Date;
  expiresAt: Date;
}

/** What inviting an address did. */
export interface InvitationSent {
  email: string;
  /** The address was already invited: its invitation got a new link and a new expiry. */
  renewed: boolean;
  /** False when e-mail is off (no SMTP_URL): nothing left the server. */
  mailed: boolean;
  /** Only when not mailed, for the owner to pass on: shown once, never logged. */
  link: string | null;
}

/** Verified against when the e-mail is unknown, so both failures take the same time. */
let decoyHash: Promise<string> | undefined;
const decoy = (): Promise<string> => (decoyHash ??= hashPassword('vigie-decoy-password'));

const RESET_WINDOW_MS = 60 * 60 * 1000;

/** Sign-in, invitations and password resets for the web application. */
@Injectable()
export class AccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly throttle: SignInThrottleService,
    private readonly tokens: AuthTokenService,
    private readonly mailer: AccountMailerService,
    private readonly sessions: WebSessionService,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(UserCredential) private readonly credentials: Repository<UserCredential>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
  ) {}

  async signIn(emailInput: string, password: string, ip: string): Promise<SignedInUser> {
    const email = normaliseEmail(emailInput) ?? emailInput.trim().toLowerCase();
    // Counted before the password is checked: a failure keeps its count, a success gives it back.
    await this.throttle.countAttempt({ ip, email });
    const user = await this.users.findOneBy({ email });
    const credential = user ? await this.credentials.findOneBy({ userId: user.id }) : null;
    const valid = await verifyPassword(password, credential?.passwordHash ?? (await decoy()));
    if (!user || !credential || !valid) throw AccountException.invalidCredentials();
    await this.throttle.recordSuccess({ ip, email });
    const [first] = await this.membershipsOf(user.id);
    if (!first) throw AccountException.noMembership();
    return { userId: user.id, organisationId: first.organisationId };
  }

  /** The user's organisations, oldest membership first. */
  async membershipsOf(userId: string): Promise<MembershipChoice[]> {
    const rows = await this.memberships.find({
      where: { userId },
      relations: { organisation: true },
      order: { createdAt: 'ASC' },
    });
    return rows.map((m) => ({
      organisationId: m.organisationId,
      organisationName: m.organisation?.name ?? '',
      organisationKind: m.organisation?.kind ?? '',
      role: m.role,
    }));
  }

  async membersOf(organisationId: string): Promise<MemberView[]> {
    const rows = await this.memberships.find({
      where: { organisationId },
      relations: { user: true },
      order: { createdAt: 'ASC' },
    });
    return rows.map((m) => ({
      userId: m.userId,
      email: m.user?.email ?? null,
      displayName: m.user?.displayName ?? null,
      role: m.role,
      since: m.createdAt,
    }));
  }

  /**
   * An owner invites an address; the link lets its holder set a password and join. Inviting an
   * address already invited renews that invitation instead of adding a second one. Without
   * e-mail (no SMTP_URL) nothing is sent: the link is returned for the owner to pass on.
   */
  async invite(
    principal: Principal,
    emailInput: string,
    role: MemberRole,
    baseUrl: string,
  ): Promise<InvitationSent> {
    if (principal.role !== 'owner') throw TenancyException.forbidden(principal.role);
    const email = normaliseEmail(emailInput);
    if (!email) throw AccountException.invalidEmail();
    const existing = await this.users.findOneBy({ email });
    if (
      existing &&
      (await this.memberships.existsBy({
        userId: existing.id,
        organisationId: principal.organisationId,
      }))
    ) {
      throw AccountException.alreadyMember();
    }
    const organisation = await this.dataSource
      .getRepository(Organisation)
      .findOneByOrFail({ id: principal.organisationId });
    const request = {
      purpose: 'invitation' as const,
      email,
      ttlMs: INVITATION_TTL_MS,
      organisationId: organisation.id,
      role,
      createdByUserId: principal.userId,
    };
    const renewed = await this.tokens.renewInvitation(request);
    const token = renewed ?? (await this.tokens.issue(request));
    const link = `${baseUrl}/invitation/${token}`;
    const mailed = await this.mailer.send({
      to: email,
      subject: `Invitation à rejoindre ${organisation.name} sur Vigie`,
      text: [
        'Bonjour,',
        '',
        `Vous êtes invité(e) à rejoindre « ${organisation.name} » sur Vigie, ` +
          `avec le rôle « ${ROLE_LABELS[role]} ».`,
        'Pour accepter et choisir votre mot de passe, ouvrez ce lien (valable 7 jours) :',
        link,
        '',
        'Si vous ne vous attendiez pas à ce message, ignorez-le.',
      ].join('\n'),
    });
    return { email, renewed: renewed !== null, mailed, link: mailed ? null : link };
  }

  async pendingInvitations(organisationId: string): Promise<PendingInvitation[]> {
    const rows = await this.dataSource.getRepository(AuthToken).find({
      where: {
        organisationId,
        purpose: 'invitation',
        usedAt: IsNull(),
        expiresAt: MoreThan(new Date()),
      },
      order: { createdAt: 'DESC' },
      take: 200,
    });
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      role: row.role ?? 'viewer',
      sentAt: row.createdAt,
      expiresAt: row.expiresAt,
    }));
  }

  /**
   * An owner withdraws a pending invitation by ending its life now: the link then answers like
   * an expired one, and the row stays as a trace of who was invited.
   */
  async revokeInvitation(principal: Principal, invitationId: string): Promise<void> {
    if (principal.role !== 'owner') throw TenancyException.forbidden(principal.role);
    const result = await this.dataSource
      .getRepository(AuthToken)
      .createQueryBuilder()
      .update()
      .set({ expiresAt: () => 'now()' })
      .where('id = :id AND organisation_id = :organisationId', {
        id: invitationId,
        organisationId: principal.organisationId,
      })
      .andWhere(`purpose = 'invitation' AND used_at IS NULL AND expires_at > now()`)
      .execute();
    if (!result.affected) throw TenancyException.notFound('Invitation');
  }

  async describeInvitation(token: string): Promise<InvitationView> {
    const found = await this.tokens.peek(token, 'invitation');
    const user = await this.users.findOneBy({ email: found.email });
    const existingAccount = user ? await this.credentials.existsBy({ userId: user.id }) : false;
    return {
      email: found.email,
      organisationName: found.organisation?.name ?? '',
      role: found.role ?? 'viewer',
      existingAccount,
    };
  }

  /**
   * Joins the organisation. A new address chooses its password; an address that already has
   * one must type it, so a forwarded link cannot take over an existing account.
   */
  async acceptInvitation(
    token: string,
    password: string,
    displayName: string | null,
    ip: string,
  ): Promise<SignedInUser> {
    const invitation = await this.describeInvitation(token);
    if (!invitation.existingAccount) this.assertStrong(password, invitation.email);
    const passwordHash = invitation.existingAccount ? null : await hashPassword(password);
    // Typing an existing account's password is a sign-in: the same limits, per address and per
    // link, counted first (a wrong password leaves the link valid, so it could be tried forever).
    const attempt = { ip, email: invitation.email, token };
    if (invitation.existingAccount) await this.throttle.countAttempt(attempt);
    const signedIn = await this.dataSource.transaction(async (manager) => {
      const used = await this.tokens.consume(manager, token, 'invitation');
      const users = manager.getRepository(User);
      let user = await users.findOneBy({ email: used.email });
      if (invitation.existingAccount) {
        const credential = user
          ? await manager.getRepository(UserCredential).findOneBy({ userId: user.id })
          : null;
        if (!user || !credential || !(await verifyPassword(password, credential.passwordHash))) {
          throw AccountException.invalidCredentials();
        }
      }
      user ??= await users.save(users.create({ email: used.email, displayName }));
      if (passwordHash) {
        await manager.getRepository(UserCredential).save({ userId: user.id, passwordHash });
      }
      const organisationId = used.organisationId as string;
      await manager.query(
        `INSERT INTO membership (user_id, organisation_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, organisation_id) DO NOTHING`,
        [user.id, organisationId, used.role ?? 'viewer'],
      );
      return { userId: user.id, organisationId };
    });
    if (invitation.existingAccount) await this.throttle.recordSuccess(attempt);
    return signedIn;
  }

  /**
   * Sends a reset link when the address has an account; says nothing either way, so the form
   * cannot be used to learn who has one.
   */
  async requestPasswordReset(emailInput: string, baseUrl: string): Promise<void> {
    const email = normaliseEmail(emailInput);
    if (!email) throw AccountException.invalidEmail();
    const user = await this.users.findOneBy({ email });
    if (!user) return;
    const recent = await this.tokens.countRecent(email, 'password_reset', RESET_WINDOW_MS);
    if (recent >= PASSWORD_RESETS_PER_HOUR) return;
    const token = await this.tokens.issue({
      purpose: 'password_reset',
      email,
      ttlMs: PASSWORD_RESET_TTL_MS,
    });
    await this.mailer.send({
      to: email,
      subject: 'Vigie : réinitialisation de votre mot de passe',
      text: [
        'Bonjour,',
        '',
        'Pour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure, une seule fois) :',
        `${baseUrl}/mot-de-passe/reinitialiser/${token}`,
        '',
        'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.',
      ].join('\n'),
    });
  }

  async checkResetLink(token: string): Promise<string> {
    return (await this.tokens.peek(token, 'password_reset')).email;
  }

  /** Sets the new password and signs the user out of every other session. */
  async resetPassword(token: string, password: string): Promise<SignedInUser> {
    const email = await this.checkResetLink(token);
    this.assertStrong(password, email);
    const passwordHash = await hashPassword(password);
    const userId = await this.dataSource.transaction(async (manager) => {
      const used = await this.tokens.consume(manager, token, 'password_reset');
      const user = await manager.getRepository(User).findOneBy({ email: used.email });
      if (!user) throw AccountException.invalidLink();
      await manager.getRepository(UserCredential).save({ userId: user.id, passwordHash });
      return user.id;
    });
    await this.sessions.endAllOf(userId);
    const [first] = await this.membershipsOf(userId);
    if (!first) throw AccountException.noMembership();
    return { userId, organisationId: first.organisationId };
  }

  /** For seeds and the CLI: sets a user's password directly. */
  async setPassword(userId: string, password: string): Promise<void> {
    const user = await this.users.findOneByOrFail({ id: userId });
    this.assertStrong(password, user.email ?? undefined);
    await this.credentials.save({ userId, passwordHash: await hashPassword(password) });
  }

  private assertStrong(password: string, email?: string): void {
    const problem = passwordProblem(password, email);
    if (problem) throw AccountException.weakPassword(problem);
  }
}
