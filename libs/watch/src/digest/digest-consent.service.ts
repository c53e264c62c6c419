import { frenchDate, parisDate } from '@app/common';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  CONSENT_PATH,
  CONSENT_TOKEN_DAYS,
  generateLinkToken,
  hashLinkToken,
  looksLikeLinkToken,
} from './digest-link.util';
import { escapeHtml } from '../feed/xml.util';
import { MailSender } from './digest.types';
import { markDigestDue } from './digest-schedule.util';

const LEASE_MS = 5 * 60_000;
const RETRY_MS = 60_000;
const MAX_BACKOFF_MS = 6 * 3600_000;
/** Confirmation e-mails sent in one pass at most; the rest wait for the next pass. */
const MAX_PER_PASS = 200;

/** Where an address stands for one digest. */
export type DigestRecipientState = 'member' | 'pending' | 'confirmed' | 'unsubscribed';

export const DIGEST_RECIPIENT_LABELS: Record<DigestRecipientState, string> = {
  member: 'membre',
  pending: 'en attente de confirmation',
  confirmed: 'confirmée',
  unsubscribed: 'désabonnée',
};

export interface DigestRecipientView {
  email: string;
  status: DigestRecipientState;
  /** The same, in French, as the pages show it. */
  label: string;
}

/** What a confirmation or unsubscribe page shows before the visitor presses the button. */
export interface DigestLinkView {
  email: string;
  /** « Veille EPN (EPN de Thiers) » or « Sélection de Mednum63 » */
  digestName: string;
  /** Already done (confirmed, or unsubscribed): the page says so instead of a button. */
  done: boolean;
}

export const profileSubjectKey = (profileId: string) => `profile:${profileId}`;
export const collectifSubjectKey = (collectifId: string) => `collectif:${collectifId}`;

/**
 * Consent of digest recipients. An address that is not a user of the organisation (for a
 * collectif: of the collectif or one of its accepted structures) receives no digest until it
 * confirms through a single-use e-mailed link; anyone may stop a digest from its own message.
 * The confirmation e-mail is an outbox row: claimed with a lease, retried with backoff when the
 * SMTP server is down, never sent twice.
 */
@Injectable()
export class DigestConsentService {
  private readonly logger = new Logger(DigestConsentService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * After the organisation saved a digest's explicit list: outside addresses not yet known are
   * asked to confirm (an expired link is sent again). Rows are kept when an address leaves the
   * list, so taking it off and putting it back never e-mails it twice: at most one request per
   * address and digest while its link is valid. Only requests not sent yet are dropped.
   * Unsubscribed addresses stay so: saving the list again cannot undo it.
   */
  async sync(organisationId: string, subjectKey: string, emails: string[], now: Date) {
    const members = await this.memberEmails(organisationId, isCollectifKey(subjectKey));
    const outsiders = emails.filter((email) => !members.has(email));
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `DELETE FROM digest_recipient
          WHERE subject_key = $1 AND status = 'pending' AND NOT (email = ANY($2::text[]))
            AND mail_status IN ('due', 'failed')`,
        [subjectKey, outsiders],
      );
      await manager.query(
        `INSERT INTO digest_recipient (organisation_id, subject_key, email, status, mail_status)
         SELECT $1, $2, email, 'pending', 'due' FROM unnest($3::text[]) AS email
         ON CONFLICT ON CONSTRAINT uq_digest_recipient_subject_email DO UPDATE
            SET mail_status = 'due', mail_attempts = 0, mail_next_attempt_at = NULL,
                token_hash = NULL, token_expires_at = NULL, updated_at = now()
          WHERE digest_recipient.status = 'pending' AND digest_recipient.mail_status = 'sent'
            AND digest_recipient.token_expires_at < $4`,
        [organisationId, subjectKey, outsiders, now],
      );
    });
  }

  /** Forgets a deleted profile's consents. */
  async forget(subjectKey: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM digest_recipient WHERE subject_key = $1`, [
      subjectKey,
    ]);
  }

  /** Each address of an explicit list with where it stands, in the list's order. */
  async views(
    organisationId: string,
    subjectKey: string,
    emails: string[],
  ): Promise<DigestRecipientView[]> {
    if (emails.length === 0) return [];
    const members = await this.memberEmails(organisationId, isCollectifKey(subjectKey));
    const stored = await this.storedStates(subjectKey);
    return emails.map((email) => {
      const row = stored.get(email);
      const status: DigestRecipientState =
        row === 'unsubscribed'
          ? 'unsubscribed'
          : members.has(email)
            ? 'member'
            : (row ?? 'pending');
      return { email, status, label: DIGEST_RECIPIENT_LABELS[status] };
    });
  }

  /**
   * The addresses a digest may go to now: members and confirmed outsiders of an explicit list,
   * or the computed list, less whoever unsubscribed. Outsiders of an explicit list without a
   * row (saved before consents existed) are asked to confirm, so nobody waits forever.
   */
  async deliverable(
    organisationId: string,
    subjectKey: string,
    emails: string[],
    explicit: boolean,
  ): Promise<string[]> {
    const stored = await this.storedStates(subjectKey);
    if (!explicit) return emails.filter((email) => stored.get(email) !== 'unsubscribed');
    const members = await this.memberEmails(organisationId, isCollectifKey(subjectKey));
    const unknown = emails.filter((email) => !members.has(email) && !stored.has(email));
    if (unknown.length) {
      await this.dataSource.query(
        `INSERT INTO digest_recipient (organisation_id, subject_key, email, status, mail_status)
         SELECT $1, $2, email, 'pending', 'due' FROM unnest($3::text[]) AS email
         ON CONFLICT ON CONSTRAINT uq_digest_recipient_subject_email DO NOTHING`,
        [organisationId, subjectKey, unknown],
      );
    }
    return emails.filter((email) => {
      const state = stored.get(email);
      return state !== 'unsubscribed' && (members.has(email) || state === 'confirmed');
    });
  }

  /**
   * Sends the confirmation e-mails that are due. Stops at the first failure: when the server
   * is down the others wait for the next pass instead of each waiting for a timeout.
   */
  /**
   * `deliverable` for a batch of subjects in two queries (the people of their organisations,
   * the stored states of their addresses), so a digest wave costs a bounded number of queries
   * per subject. Without an explicit list, the recipients are the owners and members of the
   * organisation (and, for a collectif, of its accepted structures). Keyed by subject.
   */
  async deliverableMany(
    subjects: ReadonlyArray<{
      organisationId: string;
      subjectKey: string;
      recipients: string[];
    }>,
  ): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (subjects.length === 0) return result;
    const organisations = [...new Set(subjects.map((subject) => subject.organisationId))];
    const collectifs = organisations.map((id) =>
      subjects.some(
        (subject) => subject.organisationId === id && isCollectifKey(subject.subjectKey),
      ),
    );
    const people: Array<{ organisation_id: string; email: string; role: string }> =
      await this.dataSource.query(
        `SELECT DISTINCT k.id AS organisation_id, lower(u.email) AS email, m.role
           FROM unnest($1::uuid[], $2::boolean[]) AS k(id, collectif)
           JOIN membership m ON m.organisation_id = k.id
             OR (k.collectif AND m.organisation_id IN (
                   SELECT member_id FROM collectif_membership
                    WHERE collectif_id = k.id AND status = 'accepted'))
           JOIN user_account u ON u.id = m.user_id
          WHERE u.email IS NOT NULL
          ORDER BY 1, 2`,
        [organisations, collectifs],
      );
    const states: Array<{ subject_key: string; email: string; status: DigestRecipientState }> =
      await this.dataSource.query(
        `SELECT subject_key, email, status FROM digest_recipient WHERE subject_key = ANY($1)`,
        [subjects.map((subject) => subject.subjectKey)],
      );
    for (const subject of subjects) {
      const stored = new Map(
        states
          .filter((row) => row.subject_key === subject.subjectKey)
          .map((row) => [row.email, row.status]),
      );
      const own = people.filter((row) => row.organisation_id === subject.organisationId);
      if (subject.recipients.length === 0) {
        const computed = [
          ...new Set(
            own
              .filter((row) => row.role === 'owner' || row.role === 'member')
              .map((row) => row.email),
          ),
        ];
        result.set(
          subject.subjectKey,
          computed.filter((email) => stored.get(email) !== 'unsubscribed'),
        );
        continue;
      }
      const members = new Set(own.map((row) => row.email));
      const unknown = subject.recipients.filter(
        (email) => !members.has(email) && !stored.has(email),
      );
      if (unknown.length) {
        await this.dataSource.query(
          `INSERT INTO digest_recipient (organisation_id, subject_key, email, status, mail_status)
           SELECT $1, $2, email, 'pending', 'due' FROM unnest($3::text[]) AS email
           ON CONFLICT ON CONSTRAINT uq_digest_recipient_subject_email DO NOTHING`,
          [subject.organisationId, subject.subjectKey, unknown],
        );
      }
      result.set(
        subject.subjectKey,
        subject.recipients.filter((email) => {
          const state = stored.get(email);
          return state !== 'unsubscribed' && (members.has(email) || state === 'confirmed');
        }),
      );
    }
    return result;
  }

  async sendDue(
    sender: MailSender,
    baseUrl: string,
    now: Date,
  ): Promise<{ sent: number; failed: number }> {
    const outcome = { sent: 0, failed: 0 };
    // A send cut off by a crash may have reached the server: not sent again (as digests).
    await this.dataSource.query(
      `UPDATE digest_recipient SET mail_status = 'uncertain', mail_locked_until = NULL
        WHERE mail_status = 'sending' AND mail_locked_until < $1`,
      [now],
    );
    for (let i = 0; i < MAX_PER_PASS; i++) {
      const token = generateLinkToken();
      const expiresAt = new Date(now.getTime() + CONSENT_TOKEN_DAYS * 86_400_000);
      const [claimed]: [Array<{ id: string; email: string; subject_key: string }>, number] =
        await this.dataSource.query(
          `UPDATE digest_recipient
              SET mail_status = 'sending', mail_attempts = mail_attempts + 1,
                  mail_locked_until = $1, token_hash = $2, token_expires_at = $3
            WHERE id = (SELECT id FROM digest_recipient
                         WHERE status = 'pending'
                           AND (mail_status = 'due'
                                OR (mail_status = 'failed' AND mail_next_attempt_at <= $4))
                         ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id, email, subject_key`,
          [new Date(now.getTime() + LEASE_MS), hashLinkToken(token), expiresAt, now],
        );
      const row = claimed[0];
      if (!row) break;
      try {
        const digestName = await this.digestName(row.subject_key);
        await sender.send({
          ...confirmationMail(digestName, `${baseUrl}${CONSENT_PATH}/${token}`, expiresAt),
          to: [row.email],
          messageId: `<digest-consent-${row.id}@vigie.invalid>`,
        });
        await this.dataSource.query(
          `UPDATE digest_recipient SET mail_status = 'sent', mail_locked_until = NULL,
                  mail_last_error = NULL WHERE id = $1`,
          [row.id],
        );
        outcome.sent++;
      } catch (error) {
        // The token of a failed send was never delivered; the retry stores a new one.
        await this.dataSource.query(
          `UPDATE digest_recipient
              SET mail_status = 'failed', mail_locked_until = NULL, token_hash = NULL,
                  mail_last_error = $2,
                  mail_next_attempt_at = $3::timestamptz + least(
                    interval '1 millisecond' * $4 * power(2, mail_attempts - 1),
                    interval '1 millisecond' * $5)
            WHERE id = $1`,
          [row.id, errorText(error), now, RETRY_MS, MAX_BACKOFF_MS],
        );
        this.logger.warn(`digest consent e-mail ${row.id} failed: ${errorText(error)}`);
        outcome.failed++;
        break;
      }
    }
    return outcome;
  }

  /** The confirmation page's view of a valid, unused link; null otherwise. */
  async consentLink(token: string, now: Date): Promise<DigestLinkView | null> {
    if (!looksLikeLinkToken(token)) return null;
    const rows: Array<{ email: string; subject_key: string }> = await this.dataSource.query(
      `SELECT email, subject_key FROM digest_recipient
        WHERE token_hash = $1 AND status = 'pending' AND token_expires_at > $2`,
      [hashLinkToken(token), now],
    );
    if (!rows[0]) return null;
    return {
      email: rows[0].email,
      digestName: await this.digestName(rows[0].subject_key),
      done: false,
    };
  }

  /** Confirms once: the token is erased with it. Null when the link is unknown, used or expired. */
  async confirm(token: string, now: Date): Promise<DigestLinkView | null> {
    if (!looksLikeLinkToken(token)) return null;
    const [rows]: [Array<{ email: string; subject_key: string }>, number] =
      await this.dataSource.query(
        `UPDATE digest_recipient
            SET status = 'confirmed', confirmed_at = $2, token_hash = NULL,
                token_expires_at = NULL, updated_at = now()
          WHERE token_hash = $1 AND status = 'pending' AND token_expires_at > $2
          RETURNING email, subject_key`,
        [hashLinkToken(token), now],
      );
    if (!rows[0]) return null;
    // The confirmed address gets this period's digest: the subject is looked at again.
    await markDigestDue(this.dataSource, rows[0].subject_key);
    return {
      email: rows[0].email,
      digestName: await this.digestName(rows[0].subject_key),
      done: true,
    };
  }

  /** The unsubscribe page's view of a digest's link; null for an unknown token. */
  async unsubscribeLink(token: string): Promise<DigestLinkView | null> {
    const delivery = await this.deliveryOf(token);
    if (!delivery) return null;
    const stored = await this.storedStates(delivery.subjectKey);
    return {
      email: delivery.email,
      digestName: await this.digestName(delivery.subjectKey),
      done: stored.get(delivery.email) === 'unsubscribed',
    };
  }

  /**
   * Stops this digest for the address the message went to, at once, for every later period.
   * Repeating it changes nothing. Null for an unknown token.
   */
  async unsubscribe(token: string, now: Date): Promise<DigestLinkView | null> {
    const delivery = await this.deliveryOf(token);
    if (!delivery) return null;
    const digestName = await this.digestName(delivery.subjectKey);
    const owner = await this.ownerOf(delivery.subjectKey);
    // A deleted profile sends nothing any more: there is nothing left to stop.
    if (owner) {
      await this.dataSource.query(
        `INSERT INTO digest_recipient
                (organisation_id, subject_key, email, status, unsubscribed_at)
         VALUES ($1, $2, $3, 'unsubscribed', $4)
         ON CONFLICT ON CONSTRAINT uq_digest_recipient_subject_email DO UPDATE
            SET status = 'unsubscribed',
                unsubscribed_at = coalesce(digest_recipient.unsubscribed_at, $4),
                token_hash = NULL, token_expires_at = NULL, updated_at = now(),
                mail_status = CASE WHEN digest_recipient.mail_status IN ('due', 'failed')
                                   THEN NULL ELSE digest_recipient.mail_status END`,
        [owner, delivery.subjectKey, delivery.email, now],
      );
    }
    return { email: delivery.email, digestName, done: true };
  }

  /** Users of the organisation (and, for a collectif, of its accepted structures), any role. */
  private async memberEmails(organisationId: string, collectif: boolean): Promise<Set<string>> {
    const rows: Array<{ email: string }> = await this.dataSource.query(
      `SELECT DISTINCT lower(u.email) AS email
         FROM membership m JOIN user_account u ON u.id = m.user_id
        WHERE u.email IS NOT NULL
          AND (m.organisation_id = $1 OR ($2 AND m.organisation_id IN (
                SELECT member_id FROM collectif_membership
                 WHERE collectif_id = $1 AND status = 'accepted')))`,
      [organisationId, collectif],
    );
    return new Set(rows.map((row) => row.email));
  }

  private async storedStates(subjectKey: string): Promise<Map<string, DigestRecipientState>> {
    const rows: Array<{ email: string; status: DigestRecipientState }> =
      await this.dataSource.query(
        `SELECT email, status FROM digest_recipient WHERE subject_key = $1`,
        [subjectKey],
      );
    return new Map(rows.map((row) => [row.email, row.status]));
  }

  private async deliveryOf(token: string): Promise<{ subjectKey: string; email: string } | null> {
    if (!looksLikeLinkToken(token)) return null;
    const rows: Array<{ subject_key: string; recipient: string }> = await this.dataSource.query(
      `SELECT subject_key, recipient FROM digest_delivery
        WHERE unsubscribe_token_hash = $1 AND recipient <> ''`,
      [hashLinkToken(token)],
    );
    return rows[0] ? { subjectKey: rows[0].subject_key, email: rows[0].recipient } : null;
  }

  private async ownerOf(subjectKey: string): Promise<string | null> {
    const [kind, id] = splitKey(subjectKey);
    const rows: Array<{ id: string }> =
      kind === 'profile'
        ? await this.dataSource.query(
            `SELECT organisation_id AS id FROM watch_profile WHERE id = $1`,
            [id],
          )
        : await this.dataSource.query(`SELECT id FROM organisation WHERE id = $1`, [id]);
    return rows[0]?.id ?? null;
  }

  /** How the e-mails and pages name a digest (the same words as its subject line). */
  async digestName(subjectKey: string): Promise<string> {
    const [kind, id] = splitKey(subjectKey);
    if (kind === 'profile') {
      const rows: Array<{ profile: string; organisation: string }> = await this.dataSource.query(
        `SELECT p.name AS profile, o.name AS organisation
           FROM watch_profile p JOIN organisation o ON o.id = p.organisation_id WHERE p.id = $1`,
        [id],
      );
      return rows[0] ? `${rows[0].profile} (${rows[0].organisation})` : 'Veille supprimée';
    }
    const rows: Array<{ name: string }> = await this.dataSource.query(
      `SELECT name FROM organisation WHERE id = $1`,
      [id],
    );
    return `Sélection de ${rows[0]?.name ?? 'collectif supprimé'}`;
  }
}

function splitKey(subjectKey: string): ['profile' | 'collectif', string] {
  const [kind, id] = subjectKey.split(':');
  return [kind === 'profile' ? 'profile' : 'collectif', id ?? ''];
}

const isCollectifKey = (subjectKey: string) => splitKey(subjectKey)[0] === 'collectif';

const errorText = (error: unknown) => String((error as Error)?.message ?? error).slice(0, 500);

/** The French confirmation e-mail, in plain text and HTML. */
export function confirmationMail(digestName: string, url: string, expiresAt: Date) {
  const until = frenchDate(parisDate(expiresAt));
  const subject = `Vigie – confirmez l’envoi du résumé « ${digestName} »`;
  const text = [
    'Bonjour,',
    '',
    `Votre adresse a été ajoutée aux destinataires du résumé de veille « ${digestName} » de Vigie.`,
    '',
    `Pour le recevoir, confirmez votre adresse avant le ${until} :`,
    url,
    '',
    'Sans confirmation de votre part, vous ne recevrez rien. Si ce résumé ne vous concerne pas, ignorez ce message.',
    '',
    '— Vigie',
  ].join('\n');
  const html =
    `<!doctype html><html lang="fr"><body><p>Bonjour,</p>` +
    `<p>Votre adresse a été ajoutée aux destinataires du résumé de veille « ${escapeHtml(digestName)} » de Vigie.</p>` +
    `<p><a href="${escapeHtml(url)}">Confirmer mon adresse</a> (avant le ${escapeHtml(until)})</p>` +
    `<p>Sans confirmation de votre part, vous ne recevrez rien. Si ce résumé ne vous concerne pas, ignorez ce message.</p>` +
    `<p>— Vigie</p></body></html>`;
  return { subject, text, html };
}
