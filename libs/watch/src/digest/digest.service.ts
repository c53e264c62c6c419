import { publicBaseUrl, VigieConfig } from '@app/config';
import { WatchProfile } from '@app/persistence';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FeedItem } from '../feed/feed-item.types';
import { FeedQuery } from '../feed/feed.query';
import { formatAmountRange, formatPercent } from '@app/common';
import { addDays, Clock, frenchDate, parisDate } from '@app/common';
import { DEFAULT_COLLECTIF_DIGEST_FREQUENCY } from '../collectif/collectif-digest.constants';
import { DEADLINE_SOON_DAYS } from '../watch.constants';
import { composeDigest, isEmptyDigest } from './digest.composer';
import { digestPeriod, digestWindowStart } from './digest-period.util';
import {
  collectifSubjectKey,
  DigestConsentService,
  profileSubjectKey,
} from './digest-consent.service';
import { generateLinkToken, hashLinkToken, UNSUBSCRIBE_PATH } from './digest-link.util';
import { DigestContent, DigestEntry, MAIL_SENDER, MailSender } from './digest.types';
import { SmtpMailSender } from './smtp-mail.sender';

const LEASE_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 6 * 3600_000;

export interface DigestSubject {
  key: string;
  organisationId: string;
  frequency: 'weekly' | 'daily';
  name: string;
  profile: WatchProfile | null;
  /** Addresses chosen by the organisation; empty = computed by recipients(). */
  recipients: string[];
}

export interface DigestRunOutcome {
  /** Digest messages, one per recipient. */
  sent: number;
  skipped: number;
  /** Digest messages and confirmation e-mails that will be retried. */
  failed: number;
  /** Confirmation e-mails to outside addresses. */
  consentsSent: number;
}

function entry(item: FeedItem, note: string | null): DigestEntry {
  const facts = [
    item.nextDeadline ? `date limite le ${frenchDate(item.nextDeadline)}` : 'sans date limite',
    formatAmountRange(item.amountMinCents, item.amountMaxCents),
    `pertinence ${formatPercent(item.score)}`,
  ].filter(Boolean);
  return { title: item.title, url: item.url, facts: facts.join(' · '), note };
}

/**
 * Weekly (or daily) digests per profile and per collectif. Each (subject, period, recipient) has
 * one digest_delivery row, claimed with a lease before sending and marked sent after: a restart
 * or a second worker never sends it again. A failed send is retried with backoff; a send cut off
 * by a crash (lease expired while "sending") is marked "uncertain" and not retried, since the
 * server may have accepted it.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);
  private readonly sender: MailSender | null;
  private readonly baseUrl: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly query: FeedQuery,
    private readonly consents: DigestConsentService,
    config: VigieConfig,
    private readonly clock: Clock,
    @Optional() @Inject(MAIL_SENDER) sender?: MailSender,
  ) {
    this.sender =
      sender ?? (config.SMTP_URL ? new SmtpMailSender(config.SMTP_URL, config.MAIL_FROM) : null);
    this.baseUrl = publicBaseUrl(config);
  }

  /**
   * Sends the digests that are due (one message per recipient), then the confirmation e-mails
   * that are due, including those the digests just asked for.
   */
  async runDue(now = this.clock.now()): Promise<DigestRunOutcome> {
    const outcome: DigestRunOutcome = { sent: 0, skipped: 0, failed: 0, consentsSent: 0 };
    if (!this.sender) return outcome;
    for (const subject of await this.subjects()) {
      const result = await this.deliver(subject, now);
      outcome.sent += result.sent;
      outcome.skipped += result.skipped;
      outcome.failed += result.failed;
    }
    const consents = await this.consents.sendDue(this.sender, this.baseUrl, now);
    outcome.consentsSent = consents.sent;
    outcome.failed += consents.failed;
    return outcome;
  }

  /**
   * Sends one subject's digest for the current period to each recipient who may get it and
   * did not already. Each message carries its own one-click unsubscribe link (RFC 8058).
   */
  async deliver(subject: DigestSubject, now: Date): Promise<DigestRunOutcome> {
    const outcome: DigestRunOutcome = { sent: 0, skipped: 0, failed: 0, consentsSent: 0 };
    const period = digestPeriod(subject.frequency, now);
    const settled = await this.settledRecipients(subject.key, period, now);
    if (settled === 'all') return outcome;
    let content: DigestContent | null = null;
    for (const recipient of await this.recipients(subject)) {
      if (settled.has(recipient)) continue;
      const deliveryId = await this.claim(subject.key, period, recipient, now);
      if (!deliveryId) continue;
      try {
        content ??= await this.content(subject, now);
        if (isEmptyDigest(content)) {
          await this.finish(deliveryId, 'skipped', null);
          outcome.skipped++;
          continue;
        }
        // A new token per attempt, stored before sending: a link that went out always works.
        const token = generateLinkToken();
        await this.dataSource.query(
          `UPDATE digest_delivery SET unsubscribe_token_hash = $2 WHERE id = $1`,
          [deliveryId, hashLinkToken(token)],
        );
        const unsubscribeUrl = `${this.baseUrl}${UNSUBSCRIBE_PATH}/${token}`;
        const messageId = `<digest-${deliveryId}@vigie.invalid>`;
        await this.sender!.send({
          ...composeDigest(content, unsubscribeUrl),
          to: [recipient],
          messageId,
          headers: {
            'List-Unsubscribe': `<${unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        });
        await this.finish(deliveryId, 'sent', messageId);
        outcome.sent++;
      } catch (error) {
        await this.fail(deliveryId, error, now);
        this.logger.warn(`digest ${subject.key} ${period} failed: ${(error as Error).message}`);
        outcome.failed++;
      }
    }
    return outcome;
  }

  /**
   * Recipients this period needs no claim for (sent, skipped, uncertain, in flight, or failed
   * and not yet due), read in one query so a tick costs no write per recipient already served.
   * 'all' when the period went out as one message, before messages were per recipient.
   */
  private async settledRecipients(
    subjectKey: string,
    period: string,
    now: Date,
  ): Promise<Set<string> | 'all'> {
    const rows: Array<{
      recipient: string;
      status: string;
      next_attempt_at: Date | null;
      locked_until: Date | null;
    }> = await this.dataSource.query(
      `SELECT recipient, status, next_attempt_at, locked_until FROM digest_delivery
        WHERE subject_key = $1 AND period = $2`,
      [subjectKey, period],
    );
    if (rows.some((row) => row.recipient === '')) return 'all';
    const claimable = (row: (typeof rows)[number]) =>
      (row.status === 'failed' && row.next_attempt_at !== null && row.next_attempt_at <= now) ||
      (row.status === 'sending' && row.locked_until !== null && row.locked_until < now);
    return new Set(rows.filter((row) => !claimable(row)).map((row) => row.recipient));
  }

  async subjects(): Promise<DigestSubject[]> {
    const profiles = await this.dataSource
      .getRepository(WatchProfile)
      .createQueryBuilder('p')
      .where(`p.digest_frequency <> 'none'`)
      .getMany();
    // A collectif without a collectif_digest row keeps the default (weekly, computed recipients).
    const collectifs: Array<{
      id: string;
      name: string;
      frequency: 'weekly' | 'daily';
      recipients: string[];
    }> = await this.dataSource.query(
      `SELECT o.id, o.name, coalesce(d.frequency, $1) AS frequency,
              coalesce(d.recipients, '{}') AS recipients
         FROM organisation o LEFT JOIN collectif_digest d ON d.collectif_id = o.id
        WHERE o.kind = 'collectif' AND coalesce(d.frequency, $1) <> 'none'
          AND EXISTS (SELECT 1 FROM shared_pick p WHERE p.collectif_id = o.id)`,
      [DEFAULT_COLLECTIF_DIGEST_FREQUENCY],
    );
    return [
      ...profiles.map((profile) => ({
        key: profileSubjectKey(profile.id),
        organisationId: profile.organisationId,
        frequency: profile.digestFrequency as 'weekly' | 'daily',
        name: profile.name,
        profile,
        recipients: profile.digestRecipients,
      })),
      ...collectifs.map((collectif) => ({
        key: collectifSubjectKey(collectif.id),
        organisationId: collectif.id,
        frequency: collectif.frequency,
        name: `Sélection de ${collectif.name}`,
        profile: null,
        recipients: collectif.recipients,
      })),
    ];
  }

  /** The three sections, from the same query as the feeds. */
  async content(subject: DigestSubject, now: Date): Promise<DigestContent> {
    const since = digestWindowStart(subject.frequency, now);
    const today = parisDate(now);
    const soon = addDays(today, DEADLINE_SOON_DAYS);
    const list = (query: Parameters<FeedQuery['profileMatches']>[2]) =>
      subject.profile
        ? this.query.profileMatches(subject.organisationId, subject.profile.id, query)
        : this.query.collectifPicks(subject.organisationId, subject.organisationId, query);
    const recent = (await list({ sort: 'score', limit: 200 })).items.filter(
      (item) => item.matchedAt >= since,
    );
    const upcoming = (await list({ sort: 'deadline', limit: 200, deadlineBefore: soon })).items;
    const changed = recent.filter((item) => item.changeSummary);
    const followed = subject.profile
      ? await this.followedChanges(subject.organisationId, since)
      : [];
    const changedIds = new Set(changed.map((item) => item.callId));
    return {
      subjectName: subject.name,
      periodLabel: subject.frequency === 'daily' ? 'du jour' : 'de la semaine',
      newMatches: recent
        .filter((item) => !item.changeSummary)
        .map((item) => entry(item, item.pick?.annotation || null)),
      changedFollowed: [
        ...changed.map((item) => entry(item, item.changeSummary)),
        ...followed
          .filter((change) => !changedIds.has(change.callId))
          .map((change) => change.entry),
      ],
      deadlinesSoon: upcoming
        .filter((item) => item.nextDeadline !== null && item.nextDeadline >= today)
        .map((item) => entry(item, null)),
      manageUrl: null,
    };
  }

  private async followedChanges(
    organisationId: string,
    since: Date,
  ): Promise<Array<{ callId: string; entry: DigestEntry }>> {
    const rows: Array<{ call_id: string; title: string; url: string; summary: string }> =
      await this.dataSource.query(
        `SELECT DISTINCT ON (e.call_id) e.call_id, c.title, c.url, e.summary
           FROM call_event e
           JOIN organisation_call_state s
             ON s.call_id = e.call_id AND s.organisation_id = $1 AND s.follow
                AND s.status <> 'dismissed'
           JOIN call c ON c.id = e.call_id
          WHERE e.occurred_at >= $2 AND e.kind IN ('changed', 'reappeared', 'withdrawn')
          ORDER BY e.call_id, e.occurred_at DESC`,
        [organisationId, since],
      );
    return rows.map((row) => ({
      callId: row.call_id,
      entry: { title: row.title, url: row.url, facts: 'appel suivi', note: row.summary },
    }));
  }

  /**
   * The subject's chosen addresses (members, and outsiders who confirmed), or every user with an
   * e-mail in the organisation (and, for a collectif, in its members); never who unsubscribed.
   */
  async recipients(subject: DigestSubject): Promise<string[]> {
    const explicit = subject.recipients.length > 0;
    return this.consents.deliverable(
      subject.organisationId,
      subject.key,
      explicit ? subject.recipients : await this.computedRecipients(subject),
      explicit,
    );
  }

  private async computedRecipients(subject: DigestSubject): Promise<string[]> {
    const rows: Array<{ email: string }> = await this.dataSource.query(
      `SELECT DISTINCT u.email FROM membership m JOIN user_account u ON u.id = m.user_id
        WHERE u.email IS NOT NULL AND m.role IN ('owner', 'member')
          AND (m.organisation_id = $1 OR ($2 AND m.organisation_id IN (
                SELECT member_id FROM collectif_membership
                 WHERE collectif_id = $1 AND status = 'accepted')))
        ORDER BY u.email`,
      [subject.organisationId, subject.profile === null],
    );
    return rows.map((row) => row.email.toLowerCase());
  }

  /** Returns the delivery id when this worker may send now, null when it must not. */
  private async claim(
    subjectKey: string,
    period: string,
    recipient: string,
    now: Date,
  ): Promise<string | null> {
    const lease = new Date(now.getTime() + LEASE_MS);
    const inserted: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO digest_delivery (subject_key, period, recipient, status, attempts, locked_until)
       VALUES ($1, $2, $3, 'sending', 1, $4)
       ON CONFLICT ON CONSTRAINT uq_digest_delivery_subject_period_recipient
       DO NOTHING RETURNING id`,
      [subjectKey, period, recipient, lease],
    );
    if (inserted[0]) return inserted[0].id;
    await this.dataSource.query(
      `UPDATE digest_delivery SET status = 'uncertain', locked_until = NULL
        WHERE subject_key = $1 AND period = $2 AND recipient = $3 AND status = 'sending'
          AND locked_until < $4`,
      [subjectKey, period, recipient, now],
    );
    const [retried]: [Array<{ id: string }>, number] = await this.dataSource.query(
      `UPDATE digest_delivery SET status = 'sending', attempts = attempts + 1, locked_until = $4
        WHERE subject_key = $1 AND period = $2 AND recipient = $3 AND status = 'failed'
          AND next_attempt_at <= $5
        RETURNING id`,
      [subjectKey, period, recipient, lease, now],
    );
    return retried[0]?.id ?? null;
  }

  private async finish(id: string, status: 'sent' | 'skipped', messageId: string | null) {
    await this.dataSource.query(
      `UPDATE digest_delivery SET status = $2, message_id = $3, sent_at = now(), locked_until = NULL,
              last_error = NULL WHERE id = $1`,
      [id, status, messageId],
    );
  }

  private async fail(id: string, error: unknown, now: Date) {
    await this.dataSource.query(
      `UPDATE digest_delivery
          SET status = 'failed', locked_until = NULL, last_error = $2,
              next_attempt_at = $3::timestamptz + least(
                interval '1 millisecond' * $4 * power(2, attempts - 1),
                interval '1 millisecond' * $5)
        WHERE id = $1`,
      [id, String((error as Error)?.message ?? error).slice(0, 500), now, 60_000, MAX_BACKOFF_MS],
    );
  }
}
