import { publicBaseUrl, VigieConfig } from '@app/config';
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
import { digestPeriod, digestWindowStart, nextPeriodStart } from './digest-period.util';
import {
  collectifSubjectKey,
  DigestConsentService,
  profileSubjectKey,
} from './digest-consent.service';
import { generateLinkToken, hashLinkToken, UNSUBSCRIBE_PATH } from './digest-link.util';
import { DigestContent, DigestEntry, MAIL_SENDER, MailSender } from './digest.types';
import { SmtpMailSender } from './smtp-mail.sender';

const MAX_BACKOFF_MS = 6 * 3600_000;
/** Subjects served by one batch (one job): the per-batch queries are shared by this many. */
export const DIGEST_BATCH_SIZE = 50;
/** Messages in flight at once per batch: a slow SMTP server must not hold a whole wave. */
const SEND_CONCURRENCY = 4;
/** Messages marked 'sending' together: the most a crash can leave 'uncertain'. */
const SEND_CHUNK = SEND_CONCURRENCY * 2;

export interface DigestSubject {
  key: string;
  organisationId: string;
  frequency: 'weekly' | 'daily';
  name: string;
  profileId: string | null;
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

/** What a tick found due, read and leased in one statement. */
export interface DueDigests {
  subjectKeys: string[];
  consentsDue: boolean;
}

interface DeliveryRow {
  subject_key: string;
  recipient: string;
  status: string;
  next_attempt_at: Date | null;
  locked_until: Date | null;
}

interface SubjectRow {
  key: string;
  organisation_id: string;
  frequency: 'weekly' | 'daily';
  name: string;
  profile_id: string | null;
  recipients: string[];
}

const emptyOutcome = (): DigestRunOutcome => ({ sent: 0, skipped: 0, failed: 0, consentsSent: 0 });

function addOutcome(total: DigestRunOutcome, part: DigestRunOutcome): void {
  total.sent += part.sent;
  total.skipped += part.skipped;
  total.failed += part.failed;
  total.consentsSent += part.consentsSent;
}

/** Runs `work` on every item, at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
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
 * Weekly (or daily) digests per profile and per collectif. Each subject has a digest_schedule row
 * saying when it is next due: a tick reads only the due rows (one indexed statement, which also
 * leases them), and batches of subjects are served with a bounded number of queries each. Each
 * (subject, period, recipient) has one digest_delivery row, claimed with a lease before sending
 * and marked sent after: a restart or a second worker never sends it again. A failed send is
 * retried with backoff (the subject comes due again at the retry time); a send cut off by a crash
 * (lease expired while "sending") is marked "uncertain" and not retried, since the server may
 * have accepted it.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);
  private readonly sender: MailSender | null;
  private readonly baseUrl: string;
  /** A leased subject or claimed delivery is taken over after this long (worker killed). */
  private readonly leaseMs: number;

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
    this.leaseMs = config.WATCH_JOB_LEASE_SECONDS * 1000;
  }

  /** Whether this process can send mail at all (SMTP_URL set or a sender given). */
  get canSend(): boolean {
    return this.sender !== null;
  }

  /**
   * Everything due, in this process: the due subjects batch by batch, then the confirmation
   * e-mails. The worker runs the same steps as queued jobs (claimDue, deliverBatch, sendConsents).
   */
  async runDue(now = this.clock.now()): Promise<DigestRunOutcome> {
    const outcome = emptyOutcome();
    if (!this.sender) return outcome;
    let consentsDue = false;
    for (;;) {
      const due = await this.claimDue(now, DIGEST_BATCH_SIZE * 20);
      consentsDue ||= due.consentsDue;
      for (let start = 0; start < due.subjectKeys.length; start += DIGEST_BATCH_SIZE) {
        const keys = due.subjectKeys.slice(start, start + DIGEST_BATCH_SIZE);
        addOutcome(outcome, await this.deliverBatch(keys, now));
      }
      if (due.subjectKeys.length < DIGEST_BATCH_SIZE * 20) break;
    }
    if (consentsDue) addOutcome(outcome, await this.sendConsents(now));
    return outcome;
  }

  /**
   * One statement: leases up to `limit` due subjects (they come due again after the lease if
   * their batch never finishes) and says whether a confirmation e-mail is due. With nothing due
   * it reads two small indexes and writes nothing.
   */
  async claimDue(now: Date, limit: number): Promise<DueDigests> {
    const rows: Array<{ subject_key: string | null }> = await this.dataSource.query(
      `WITH due AS (
         SELECT subject_key FROM digest_schedule WHERE next_due_at <= $1
          ORDER BY next_due_at LIMIT $2 FOR UPDATE SKIP LOCKED),
       leased AS (
         UPDATE digest_schedule s SET next_due_at = $3 FROM due
          WHERE s.subject_key = due.subject_key RETURNING s.subject_key)
       SELECT subject_key FROM leased
       UNION ALL
       (SELECT NULL FROM digest_recipient
         WHERE status = 'pending' AND mail_status IN ('due', 'failed')
           AND (mail_status = 'due' OR mail_next_attempt_at <= $1)
         LIMIT 1)`,
      [now, limit, new Date(now.getTime() + this.leaseMs)],
    );
    return {
      subjectKeys: rows.flatMap((row) => (row.subject_key === null ? [] : [row.subject_key])),
      consentsDue: rows.some((row) => row.subject_key === null),
    };
  }

  /** The confirmation e-mails that are due (outside addresses asked to confirm). */
  async sendConsents(now: Date): Promise<DigestRunOutcome> {
    const outcome = emptyOutcome();
    if (!this.sender) return outcome;
    const consents = await this.consents.sendDue(this.sender, this.baseUrl, now);
    outcome.consentsSent = consents.sent;
    outcome.failed = consents.failed;
    return outcome;
  }

  /**
   * Serves a batch of subjects for their current period: a fixed number of queries for the batch
   * (subjects, recipients, deliveries, claims, outcomes, schedule) plus two per subject for its
   * content, then the messages, SEND_CONCURRENCY at a time. Ends by moving each subject to its
   * next period, or to its earliest retry.
   */
  async deliverBatch(subjectKeys: string[], now: Date): Promise<DigestRunOutcome> {
    const outcome = emptyOutcome();
    if (!this.sender || subjectKeys.length === 0) return outcome;
    const subjects = await this.loadSubjects(subjectKeys);
    const found = new Set(subjects.map((subject) => subject.key));
    const gone = subjectKeys.filter((key) => !found.has(key));
    if (gone.length) {
      // Deleted, or set to 'none': a later edit marks the subject due again.
      await this.dataSource.query(`DELETE FROM digest_schedule WHERE subject_key = ANY($1)`, [
        gone,
      ]);
    }
    if (subjects.length === 0) return outcome;
    const periods = new Map(
      subjects.map((subject) => [subject.key, digestPeriod(subject.frequency, now)]),
    );
    const recipients = await this.consents.deliverableMany(
      subjects.map((subject) => ({
        organisationId: subject.organisationId,
        subjectKey: subject.key,
        recipients: subject.recipients,
      })),
    );
    const deliveries: DeliveryRow[] = await this.dataSource.query(
      `SELECT d.subject_key, d.recipient, d.status, d.next_attempt_at, d.locked_until
         FROM digest_delivery d
         JOIN unnest($1::text[], $2::text[]) AS k(subject_key, period)
           ON d.subject_key = k.subject_key AND d.period = k.period`,
      [[...periods.keys()], [...periods.values()]],
    );
    const expired = (row: DeliveryRow) => row.locked_until !== null && row.locked_until < now;
    const claimable = (row: DeliveryRow) =>
      (row.status === 'failed' && row.next_attempt_at !== null && row.next_attempt_at <= now) ||
      ((row.status === 'sending' || row.status === 'claimed') && expired(row));
    // Who still needs this period's digest, per subject.
    const wanted = new Map<string, string[]>();
    for (const subject of subjects) {
      const rows = deliveries.filter((row) => row.subject_key === subject.key);
      // The period went out as one message, before messages were per recipient.
      if (rows.some((row) => row.recipient === '')) continue;
      const settled = new Set(rows.filter((row) => !claimable(row)).map((row) => row.recipient));
      const missing = (recipients.get(subject.key) ?? []).filter((email) => !settled.has(email));
      if (missing.length) wanted.set(subject.key, missing);
    }
    const contents = await this.contents(
      subjects.filter((subject) => wanted.has(subject.key)),
      now,
    );
    const claims = await this.claimMany(wanted, periods, contents, now);
    outcome.skipped = claims.filter((claim) => claim.skipped).length;
    const toSend = claims.filter((claim) => !claim.skipped);
    for (let start = 0; start < toSend.length; start += SEND_CHUNK) {
      const chunk = toSend.slice(start, start + SEND_CHUNK);
      outcome.sent += await this.sendChunk(chunk, contents, periods, now, outcome);
    }
    await this.reschedule(subjects, periods, now);
    return outcome;
  }

  /**
   * Hands a chunk of claimed messages to the SMTP server, SEND_CONCURRENCY at a time, between two
   * statements: 'sending' before (what a crash then leaves is 'uncertain', never sent again) and
   * 'sent' after. Messages still 'claimed' when a worker dies are taken over by another.
   */
  private async sendChunk(
    chunk: Array<{ id: string; subjectKey: string; recipient: string; token: string }>,
    contents: Map<string, DigestContent>,
    periods: Map<string, string>,
    now: Date,
    outcome: DigestRunOutcome,
  ): Promise<number> {
    // Only what this worker still holds: a claim whose lease ran out may have been taken over
    // (its token hash, set by each claim, is then another's).
    const [held]: [Array<{ id: string }>, number] = await this.dataSource.query(
      `UPDATE digest_delivery d SET status = 'sending'
         FROM unnest($1::uuid[], $2::text[]) AS k(id, token_hash)
        WHERE d.id = k.id AND d.status = 'claimed' AND d.unsubscribe_token_hash = k.token_hash
        RETURNING d.id`,
      [chunk.map((claim) => claim.id), chunk.map((claim) => hashLinkToken(claim.token))],
    );
    const mine = new Set(held.map((row) => row.id));
    const sent: Array<{ id: string; messageId: string }> = [];
    const toSend = chunk.filter((claim) => mine.has(claim.id));
    await inParallel(toSend, SEND_CONCURRENCY, async (claim) => {
      const unsubscribeUrl = `${this.baseUrl}${UNSUBSCRIBE_PATH}/${claim.token}`;
      const messageId = `<digest-${claim.id}@vigie.invalid>`;
      try {
        await this.sender!.send({
          ...composeDigest(contents.get(claim.subjectKey)!, unsubscribeUrl),
          to: [claim.recipient],
          messageId,
          headers: {
            'List-Unsubscribe': `<${unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        });
        sent.push({ id: claim.id, messageId });
      } catch (error) {
        await this.fail(claim.id, error, now);
        this.logger.warn(
          `digest ${claim.subjectKey} ${periods.get(claim.subjectKey)} failed: ${(error as Error).message}`,
        );
        outcome.failed++;
      }
    });
    if (sent.length) {
      await this.dataSource.query(
        `UPDATE digest_delivery d SET status = 'sent', message_id = k.message_id, sent_at = now(),
                locked_until = NULL, last_error = NULL
           FROM unnest($1::uuid[], $2::text[]) AS k(id, message_id) WHERE d.id = k.id`,
        [sent.map((row) => row.id), sent.map((row) => row.messageId)],
      );
    }
    return sent.length;
  }

  /** Every subject that sends digests (profiles and collectifs); for pages and tools, not ticks. */
  async subjects(): Promise<DigestSubject[]> {
    const profiles: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM watch_profile WHERE digest_frequency <> 'none'`,
    );
    const collectifs: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM organisation WHERE kind = 'collectif'`,
    );
    return this.loadSubjects([
      ...profiles.map((row) => profileSubjectKey(row.id)),
      ...collectifs.map((row) => collectifSubjectKey(row.id)),
    ]);
  }

  /**
   * The subjects of these keys that send digests, in one query. A collectif without a
   * collectif_digest row keeps the default (weekly, computed recipients) once it shared a pick.
   */
  private async loadSubjects(keys: string[]): Promise<DigestSubject[]> {
    const ids = (prefix: string) =>
      keys.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
    const rows: SubjectRow[] = await this.dataSource.query(
      `SELECT 'profile:' || p.id AS key, p.organisation_id, p.digest_frequency AS frequency,
              p.name, p.id AS profile_id, p.digest_recipients AS recipients
         FROM watch_profile p
        WHERE p.id = ANY($1::uuid[]) AND p.digest_frequency <> 'none'
       UNION ALL
       SELECT 'collectif:' || o.id, o.id, coalesce(d.frequency, $3), 'Sélection de ' || o.name,
              NULL, coalesce(d.recipients, '{}')
         FROM organisation o LEFT JOIN collectif_digest d ON d.collectif_id = o.id
        WHERE o.id = ANY($2::uuid[]) AND o.kind = 'collectif'
          AND coalesce(d.frequency, $3) <> 'none'
          AND EXISTS (SELECT 1 FROM shared_pick p WHERE p.collectif_id = o.id)`,
      [ids('profile:'), ids('collectif:'), DEFAULT_COLLECTIF_DIGEST_FREQUENCY],
    );
    return rows.map((row) => ({
      key: row.key,
      organisationId: row.organisation_id,
      frequency: row.frequency,
      name: row.name,
      profileId: row.profile_id,
      recipients: row.recipients,
    }));
  }

  /** The three sections, from the same query as the feeds. */
  async content(subject: DigestSubject, now: Date): Promise<DigestContent> {
    return (await this.contents([subject], now)).get(subject.key)!;
  }

  /** Contents of several subjects: two feed queries each, the followed calls' changes for all in one. */
  private async contents(
    subjects: DigestSubject[],
    now: Date,
  ): Promise<Map<string, DigestContent>> {
    const result = new Map<string, DigestContent>();
    if (subjects.length === 0) return result;
    const today = parisDate(now);
    const soon = addDays(today, DEADLINE_SOON_DAYS);
    const followed = await this.followedChanges(
      subjects.filter((subject) => subject.profileId !== null),
      now,
    );
    for (const subject of subjects) {
      const since = digestWindowStart(subject.frequency, now);
      const list = (query: Parameters<FeedQuery['profileMatches']>[2]) =>
        subject.profileId
          ? this.query.profileMatches(subject.organisationId, subject.profileId, query)
          : this.query.collectifPicks(subject.organisationId, subject.organisationId, query);
      const recent = (await list({ sort: 'score', limit: 200 })).items.filter(
        (item) => item.matchedAt >= since,
      );
      const upcoming = (await list({ sort: 'deadline', limit: 200, deadlineBefore: soon })).items;
      const changed = recent.filter((item) => item.changeSummary);
      const changedIds = new Set(changed.map((item) => item.callId));
      const followedHere = subject.profileId
        ? followed.filter(
            (change) =>
              change.organisationId === subject.organisationId && change.occurredAt >= since,
          )
        : [];
      result.set(subject.key, {
        subjectName: subject.name,
        periodLabel: subject.frequency === 'daily' ? 'du jour' : 'de la semaine',
        newMatches: recent
          .filter((item) => !item.changeSummary)
          .map((item) => entry(item, item.pick?.annotation || null)),
        changedFollowed: [
          ...changed.map((item) => entry(item, item.changeSummary)),
          ...followedHere
            .filter((change) => !changedIds.has(change.callId))
            .map((change) => change.entry),
        ],
        deadlinesSoon: upcoming
          .filter((item) => item.nextDeadline !== null && item.nextDeadline >= today)
          .map((item) => entry(item, null)),
        manageUrl: null,
      });
    }
    return result;
  }

  /** The latest change of each followed call in the widest window of these profile subjects. */
  private async followedChanges(
    subjects: DigestSubject[],
    now: Date,
  ): Promise<
    Array<{ organisationId: string; callId: string; occurredAt: Date; entry: DigestEntry }>
  > {
    if (subjects.length === 0) return [];
    const since = subjects
      .map((subject) => digestWindowStart(subject.frequency, now))
      .reduce((earliest, start) => (start < earliest ? start : earliest));
    const rows: Array<{
      organisation_id: string;
      call_id: string;
      title: string;
      url: string;
      summary: string;
      occurred_at: Date;
    }> = await this.dataSource.query(
      `SELECT DISTINCT ON (s.organisation_id, e.call_id) s.organisation_id, e.call_id, c.title,
              c.url, e.summary, e.occurred_at
         FROM call_event e
         JOIN organisation_call_state s
           ON s.call_id = e.call_id AND s.organisation_id = ANY($1::uuid[]) AND s.follow
              AND s.status <> 'dismissed'
         JOIN call c ON c.id = e.call_id
        WHERE e.occurred_at >= $2 AND e.kind IN ('changed', 'reappeared', 'withdrawn')
        ORDER BY s.organisation_id, e.call_id, e.occurred_at DESC`,
      [[...new Set(subjects.map((subject) => subject.organisationId))], since],
    );
    return rows.map((row) => ({
      organisationId: row.organisation_id,
      callId: row.call_id,
      occurredAt: row.occurred_at,
      entry: { title: row.title, url: row.url, facts: 'appel suivi', note: row.summary },
    }));
  }

  /**
   * The subject's chosen addresses (members, and outsiders who confirmed), or every user with an
   * e-mail in the organisation (and, for a collectif, in its members); never who unsubscribed.
   */
  async recipients(subject: DigestSubject): Promise<string[]> {
    const many = await this.consents.deliverableMany([
      {
        organisationId: subject.organisationId,
        subjectKey: subject.key,
        recipients: subject.recipients,
      },
    ]);
    return many.get(subject.key) ?? [];
  }

  /**
   * Claims the wanted (subject, recipient) pairs for this period in at most three statements:
   * new rows are inserted (an empty digest straight as 'skipped'), failed rows whose retry is
   * due are taken again, and sends cut off by a crash become 'uncertain'. Only what this worker
   * claimed comes back, each with the unsubscribe token whose hash the row already holds (a link
   * that went out always works).
   */
  private async claimMany(
    wanted: Map<string, string[]>,
    periods: Map<string, string>,
    contents: Map<string, DigestContent>,
    now: Date,
  ): Promise<
    Array<{ id: string; subjectKey: string; recipient: string; token: string; skipped: boolean }>
  > {
    const pairs = [...wanted].flatMap(([subjectKey, emails]) =>
      emails.map((recipient) => ({
        subjectKey,
        recipient,
        period: periods.get(subjectKey)!,
        token: generateLinkToken(),
        skipped: isEmptyDigest(contents.get(subjectKey)!),
      })),
    );
    if (pairs.length === 0) return [];
    const lease = new Date(now.getTime() + this.leaseMs);
    const columns = [
      pairs.map((pair) => pair.subjectKey),
      pairs.map((pair) => pair.period),
      pairs.map((pair) => pair.recipient),
      pairs.map((pair) => hashLinkToken(pair.token)),
      pairs.map((pair) => (pair.skipped ? 'skipped' : 'claimed')),
    ];
    const inserted: Array<{ id: string; subject_key: string; recipient: string }> =
      await this.dataSource.query(
        `INSERT INTO digest_delivery
           (subject_key, period, recipient, unsubscribe_token_hash, status, attempts, locked_until,
            sent_at)
         SELECT k.subject_key, k.period, k.recipient,
                CASE WHEN k.status = 'claimed' THEN k.token_hash END, k.status, 1,
                CASE WHEN k.status = 'claimed' THEN $6::timestamptz END,
                CASE WHEN k.status = 'skipped' THEN now() END
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
                AS k(subject_key, period, recipient, token_hash, status)
         ON CONFLICT ON CONSTRAINT uq_digest_delivery_subject_period_recipient DO NOTHING
         RETURNING id, subject_key, recipient`,
        [...columns, lease],
      );
    const key = (subjectKey: string, recipient: string) => `${subjectKey}\n${recipient}`;
    const claimed = new Map(inserted.map((row) => [key(row.subject_key, row.recipient), row.id]));
    const others = pairs.filter((pair) => !claimed.has(key(pair.subjectKey, pair.recipient)));
    if (others.length) {
      const column = (pick: (pair: (typeof pairs)[number]) => string) => others.map(pick);
      const otherColumns = [
        column((pair) => pair.subjectKey),
        column((pair) => pair.period),
        column((pair) => pair.recipient),
        column((pair) => hashLinkToken(pair.token)),
      ];
      await this.dataSource.query(
        `UPDATE digest_delivery d SET status = 'uncertain', locked_until = NULL
           FROM unnest($1::text[], $2::text[], $3::text[]) AS k(subject_key, period, recipient)
          WHERE d.subject_key = k.subject_key AND d.period = k.period
            AND d.recipient = k.recipient AND d.status = 'sending' AND d.locked_until < $4`,
        [...otherColumns.slice(0, 3), now],
      );
      const [retried]: [Array<{ id: string; subject_key: string; recipient: string }>, number] =
        await this.dataSource.query(
          `UPDATE digest_delivery d SET status = 'claimed', attempts = attempts + 1,
                  locked_until = $5, unsubscribe_token_hash = k.token_hash
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
                  AS k(subject_key, period, recipient, token_hash)
            WHERE d.subject_key = k.subject_key AND d.period = k.period
              AND d.recipient = k.recipient
              AND ((d.status = 'failed' AND d.next_attempt_at <= $6)
                   OR (d.status = 'claimed' AND d.locked_until < $6))
            RETURNING d.id, d.subject_key, d.recipient`,
          [...otherColumns, lease, now],
        );
      for (const row of retried) claimed.set(key(row.subject_key, row.recipient), row.id);
    }
    return pairs.flatMap((pair) => {
      const id = claimed.get(key(pair.subjectKey, pair.recipient));
      return id ? [{ id, ...pair }] : [];
    });
  }

  /**
   * Each served subject is next due at its next period, or sooner when one of this period's
   * messages waits for a retry or sits with another worker.
   */
  private async reschedule(subjects: DigestSubject[], periods: Map<string, string>, now: Date) {
    const pending: Array<{ subject_key: string; due: Date | null }> = await this.dataSource.query(
      `SELECT d.subject_key,
              min(CASE WHEN d.status = 'failed' THEN d.next_attempt_at
                       WHEN d.status IN ('sending', 'claimed') THEN d.locked_until END) AS due
         FROM digest_delivery d
         JOIN unnest($1::text[], $2::text[]) AS k(subject_key, period)
           ON d.subject_key = k.subject_key AND d.period = k.period
        WHERE d.status IN ('failed', 'sending', 'claimed')
        GROUP BY d.subject_key`,
      [[...periods.keys()], [...periods.values()]],
    );
    const retries = new Map(pending.map((row) => [row.subject_key, row.due]));
    const next = subjects.map((subject) => {
      const period = nextPeriodStart(subject.frequency, now);
      const retry = retries.get(subject.key);
      return retry && retry < period ? retry : period;
    });
    await this.dataSource.query(
      `UPDATE digest_schedule s SET next_due_at = k.next_due_at
         FROM unnest($1::text[], $2::timestamptz[]) AS k(subject_key, next_due_at)
        WHERE s.subject_key = k.subject_key`,
      [subjects.map((subject) => subject.key), next],
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
