import { Call, CallEvent, CallSource, type CallEventKind } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { NormalisedCall } from '../call/normalised-call';
import { statusFromDates } from '../extract/call-status.util';
import { parisDate } from '@app/common';
import { contentHash } from './call-content.util';
import { diffFields, type FieldChange, summariseChanges } from './call-diff.util';
import { CALL_FIELD_NAMES, type CallFields } from './call-fields.types';
import { callFingerprint, fingerprintPrefix, similarTitles } from './call-fingerprint.util';
import { callIdentityKey, substantiveChanges } from './call-identity.util';
import { fieldsOf, mergeFields } from './call-merge.util';
import {
  MISSING_RUNS_BEFORE_WITHDRAWN,
  type MissingOutcome,
  type SeenBatch,
  type StillListedOutcome,
  type UpsertOptions,
  type UpsertResult,
} from './call-store.types';

/** What an unchanged call is recognised by, read without a lock. */
interface StoredSighting {
  link_id: string;
  call_id: string;
  content_hash: string;
  identity_key: string | null;
  missing_runs: number;
  status: string;
  next_deadline: string | null;
  opens_at: string | null;
  deadlines: CallFields['deadlines'];
  rolling: boolean;
}

/** One item of a crawl, with what the store derives from it once. */
interface Sighting {
  call: NormalisedCall;
  hash: string;
  identityKey: string;
  seenAt: Date;
  today: string;
}

/** Namespace of the advisory locks taken on fingerprints (first key of the two-int lock). */
const FINGERPRINT_LOCK = 7301;

/**
 * The calls as their sources publish them, with history. Each upsert is its own transaction,
 * so a crawl killed half-way keeps every call it stored and loses nothing else.
 */
@Injectable()
export class CallStoreService {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(
    sourceId: string,
    call: NormalisedCall,
    seenAt: Date,
    options: UpsertOptions = {},
  ): Promise<UpsertResult> {
    const today = options.today ?? parisDate(seenAt);
    const hash = contentHash(call);
    const identityKey = callIdentityKey(call);
    const stored = await this.storedSighting(sourceId, call.externalId);
    if (stored && stored.identity_key === identityKey && isPlainSighting(stored, hash, today)) {
      await this.recordSeen(stored, seenAt, options.seen);
      return { callId: stored.call_id, outcome: 'unchanged', changes: [] };
    }
    const sighting = { call, hash, identityKey, seenAt, today };
    return this.dataSource.transaction(async (manager) => {
      // A new call has no row to lock (FOR UPDATE on nothing locks nothing): it goes straight on.
      const link = stored
        ? await manager.getRepository(CallSource).findOne({
            where: { sourceId, externalId: call.externalId },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      if (link) return this.updateKnown(manager, link, sighting);
      const moved = await this.movedSighting(manager, sourceId, sighting, options);
      if (moved) return this.updateKnown(manager, moved, sighting);
      return this.addNew(manager, sourceId, sighting);
    });
  }

  /**
   * The sighting this source had of the same call under another external id — its site moved
   * (new domain or paths, ids made of URLs): same identity key (call-identity.util), not seen
   * yet in this run (so two calls the source lists at once are never folded into one). Found
   * through ix_call_source_identity; the most recently seen one when several qualify.
   */
  private async movedSighting(
    manager: EntityManager,
    sourceId: string,
    sighting: Sighting,
    options: UpsertOptions,
  ): Promise<CallSource | null> {
    return (
      manager
        .getRepository(CallSource)
        .createQueryBuilder('cs')
        .where('cs.source_id = :sourceId AND cs.identity_key = :identityKey', {
          sourceId,
          identityKey: sighting.identityKey,
        })
        .andWhere('cs.external_id <> :externalId', { externalId: sighting.call.externalId })
        .andWhere('cs.last_seen_at < :runStartedAt', {
          runStartedAt: options.runStartedAt ?? sighting.seenAt,
        })
        // Sightings of this run waiting in the batch still carry their previous last_seen_at.
        .andWhere('NOT (cs.id = ANY(:queued::uuid[]))', { queued: options.seen?.linkIds ?? [] })
        .orderBy('cs.last_seen_at', 'DESC')
        .addOrderBy('cs.id', 'ASC')
        .limit(1)
        .setLock('pessimistic_write')
        .getOne()
    );
  }

  /** Writes the queued sightings of unchanged calls: one statement per table. */
  async flushSeen(batch: SeenBatch): Promise<void> {
    if (!batch.seenAt || batch.linkIds.length === 0) return;
    const { linkIds, callIds, seenAt } = batch;
    batch.linkIds = [];
    batch.callIds = [];
    batch.seenAt = null;
    await this.dataSource.query(
      'UPDATE call_source SET last_seen_at = $2 WHERE id = ANY($1::uuid[]) AND last_seen_at < $2',
      [linkIds, seenAt],
    );
    await this.dataSource.query(
      'UPDATE call SET last_seen_at = $2 WHERE id = ANY($1::uuid[]) AND last_seen_at < $2',
      [[...new Set(callIds)], seenAt],
    );
  }

  /** The link and the call's date facts, read without a lock (most calls of a crawl are unchanged). */
  private async storedSighting(
    sourceId: string,
    externalId: string,
  ): Promise<StoredSighting | null> {
    const rows: StoredSighting[] = await this.dataSource.query(
      `SELECT cs.id AS link_id, cs.call_id, cs.content_hash, cs.identity_key, cs.missing_runs, c.status,
          c.next_deadline::text AS next_deadline, c.opens_at::text AS opens_at, c.deadlines, c.rolling
        FROM call_source cs JOIN call c ON c.id = cs.call_id
        WHERE cs.source_id = $1 AND cs.external_id = $2`,
      [sourceId, externalId],
    );
    return rows[0] ?? null;
  }

  private async recordSeen(
    row: StoredSighting,
    seenAt: Date,
    batch: SeenBatch | undefined,
  ): Promise<void> {
    if (batch) {
      batch.linkIds.push(row.link_id);
      batch.callIds.push(row.call_id);
      if (!batch.seenAt || seenAt > batch.seenAt) batch.seenAt = seenAt;
      return;
    }
    await this.flushSeen({ linkIds: [row.link_id], callIds: [row.call_id], seenAt });
  }

  /**
   * After a successful run: every call of the source the run did not see is one run more
   * missing; at two, the call is withdrawn unless another source still lists it. Never deleted.
   */
  async markMissing(
    sourceId: string,
    seenExternalIds: Iterable<string>,
    runStartedAt: Date,
  ): Promise<MissingOutcome> {
    const seen = [...seenExternalIds];
    // The postgres driver answers an UPDATE … RETURNING with [rows, rowCount].
    const [rows]: [Array<{ call_id: string; missing_runs: number }>, number] =
      await this.dataSource.query(
        `UPDATE call_source SET missing_runs = missing_runs + 1
        WHERE source_id = $1 AND last_seen_at < $2 AND NOT (external_id = ANY($3::text[]))
        RETURNING call_id, missing_runs`,
        [sourceId, runStartedAt, seen],
      );
    const reached = [
      ...new Set(
        rows
          .filter((row) => row.missing_runs >= MISSING_RUNS_BEFORE_WITHDRAWN)
          .map((row) => row.call_id),
      ),
    ];
    const withdrawn = reached.length
      ? await this.withdrawUnlisted(reached, sourceId, runStartedAt)
      : 0;
    return { missing: rows.length, withdrawn };
  }

  /**
   * A sighting the source already had: the same external id, or the one its moved site used
   * (then the old sighting becomes the new one: new external id and address, same call).
   */
  private async updateKnown(
    manager: EntityManager,
    link: CallSource,
    sighting: Sighting,
  ): Promise<UpsertResult> {
    const { call, hash, identityKey, seenAt, today } = sighting;
    const stored = await manager
      .getRepository(Call)
      .findOneOrFail({ where: { id: link.callId }, lock: { mode: 'pessimistic_write' } });
    const wasWithdrawn = stored.status === 'withdrawn';
    const rekeyed = link.externalId !== call.externalId;
    if (link.contentHash === hash && !wasWithdrawn && !rekeyed) {
      await manager.update(
        CallSource,
        { id: link.id },
        {
          lastSeenAt: seenAt,
          ...(link.missingRuns ? { missingRuns: 0 } : {}),
          // Sightings stored before the key existed get it here, once.
          ...(link.identityKey !== identityKey ? { identityKey } : {}),
        },
      );
      await manager.update(
        Call,
        { id: stored.id },
        { lastSeenAt: seenAt, ...this.timeDependent(stored, storedFields(stored), today) },
      );
      return { callId: stored.id, outcome: 'unchanged', changes: [] };
    }
    const refreshed = {
      externalId: call.externalId,
      snapshot: call,
      contentHash: hash,
      identityKey,
      url: call.url,
      lastSeenAt: seenAt,
      missingRuns: 0,
    };
    await manager.update(
      CallSource,
      { id: link.id },
      refreshed as unknown as QueryDeepPartialEntity<CallSource>,
    );
    const changes = await this.applyMerge(manager, stored, seenAt, today, false);
    const movedFrom = link.url !== call.url ? link.url : null;
    if (movedFrom) {
      // The address is history worth keeping, but not news: watches read `changed` only.
      await this.addEvent(
        manager,
        stored.id,
        link.sourceId,
        seenAt,
        'moved',
        [{ field: 'url', from: movedFrom, to: call.url }],
        `adresse changée : ${movedFrom} → ${call.url}`,
      );
    }
    const news = movedFrom ? substantiveChanges(changes) : changes;
    if (wasWithdrawn) {
      await this.addEvent(
        manager,
        stored.id,
        link.sourceId,
        seenAt,
        'reappeared',
        news,
        reappearedSummary(news),
      );
      return { callId: stored.id, outcome: 'reappeared', changes };
    }
    if (news.length === 0) {
      return { callId: stored.id, outcome: movedFrom || rekeyed ? 'moved' : 'unchanged', changes };
    }
    await this.addEvent(
      manager,
      stored.id,
      link.sourceId,
      seenAt,
      'changed',
      news,
      summariseChanges(news),
    );
    return { callId: stored.id, outcome: 'changed', changes };
  }

  private async addNew(
    manager: EntityManager,
    sourceId: string,
    sighting: Sighting,
  ): Promise<UpsertResult> {
    const { call, hash, identityKey, seenAt, today } = sighting;
    const fingerprint = callFingerprint(call);
    // Two sources crawled at once may bring the same call: one waits for the other here.
    await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      FINGERPRINT_LOCK,
      fingerprint,
    ]);
    const twin = await this.findTwin(manager, sourceId, fingerprint);
    const linkRow = {
      sourceId,
      externalId: call.externalId,
      url: call.url,
      snapshot: call,
      contentHash: hash,
      identityKey,
      firstSeenAt: seenAt,
      lastSeenAt: seenAt,
      missingRuns: 0,
    };
    if (twin) {
      await manager.insert(CallSource, {
        ...linkRow,
        callId: twin.id,
      } as unknown as QueryDeepPartialEntity<CallSource>);
      const changes = await this.applyMerge(manager, twin, seenAt, today, false);
      const sourceName = await this.sourceName(manager, sourceId);
      const summary = [`également publié par ${sourceName}`, summariseChanges(changes)]
        .filter(Boolean)
        .join(' ; ');
      await this.addEvent(manager, twin.id, sourceId, seenAt, 'source_added', changes, summary);
      return { callId: twin.id, outcome: 'source_added', changes };
    }
    const fields = fieldsOf(call);
    const inserted = await manager.insert(Call, {
      ...fields,
      fingerprint,
      nextDeadline: nextDeadline(fields, today),
      status: statusFromDates(fields, today),
      contentHash: hash,
      firstSeenAt: seenAt,
      lastSeenAt: seenAt,
      lastChangedAt: seenAt,
    });
    const callId = (inserted.identifiers[0] as { id: string }).id;
    await manager.insert(CallSource, {
      ...linkRow,
      callId,
    } as unknown as QueryDeepPartialEntity<CallSource>);
    await this.addEvent(
      manager,
      callId,
      sourceId,
      seenAt,
      'created',
      [],
      `nouvel appel : ${call.title}`,
    );
    return { callId, outcome: 'created', changes: [] };
  }

  /** The call another source already brought: same fingerprint, or same first deadline and a similar title. */
  private async findTwin(
    manager: EntityManager,
    sourceId: string,
    fingerprint: string,
  ): Promise<Call | null> {
    const notFromThisSource = `NOT EXISTS (SELECT 1 FROM call_source cs WHERE cs.call_id = call.id AND cs.source_id = :sourceId)`;
    const exact = await manager
      .getRepository(Call)
      .createQueryBuilder('call')
      .where('call.fingerprint = :fingerprint', { fingerprint })
      .andWhere(notFromThisSource, { sourceId })
      .orderBy('call.first_seen_at', 'ASC')
      .setLock('pessimistic_write')
      .getOne();
    if (exact) return exact;
    const prefix = fingerprintPrefix(fingerprint);
    // Rolling calls have no date to anchor the fuzzy rule: exact titles only.
    if (prefix === 'none|') return null;
    // Ids and fingerprints only: the full rows (descriptions, documents) are not needed to compare.
    const candidates = await manager
      .getRepository(Call)
      .createQueryBuilder('call')
      .select(['call.id', 'call.fingerprint'])
      .where('call.fingerprint LIKE :prefix', { prefix: `${prefix}%` })
      .andWhere(notFromThisSource, { sourceId })
      .orderBy('call.first_seen_at', 'ASC')
      .getMany();
    const title = fingerprint.slice(prefix.length);
    const match = candidates.find((candidate) =>
      similarTitles(candidate.fingerprint.slice(prefix.length), title),
    );
    return match
      ? manager
          .getRepository(Call)
          .findOne({ where: { id: match.id }, lock: { mode: 'pessimistic_write' } })
      : null;
  }

  /** Recomputes the call from all its sources (primary = first seen); returns what changed. */
  private async applyMerge(
    manager: EntityManager,
    stored: Call,
    seenAt: Date,
    today: string,
    keepWithdrawn: boolean,
  ): Promise<FieldChange[]> {
    const links = await manager
      .getRepository(CallSource)
      .find({ where: { callId: stored.id }, order: { firstSeenAt: 'ASC', id: 'ASC' } });
    const merged = mergeFields(links.map((l) => fieldsOf(l.snapshot as unknown as NormalisedCall)));
    const before = storedFields(stored);
    const changes = diffFields(before, merged);
    const stillListed = links.some((l) => l.missingRuns < MISSING_RUNS_BEFORE_WITHDRAWN);
    const status = keepWithdrawn || !stillListed ? 'withdrawn' : statusFromDates(merged, today);
    await manager.update(
      Call,
      { id: stored.id },
      {
        ...merged,
        fingerprint: callFingerprint(merged),
        nextDeadline: nextDeadline(merged, today),
        status,
        contentHash: links.map((l) => l.contentHash).join('.'),
        lastSeenAt: seenAt,
        ...(changes.length ? { lastChangedAt: seenAt } : {}),
      },
    );
    return changes;
  }

  /** Status and next deadline move with the calendar even when nothing else does. */
  private timeDependent(stored: Call, fields: CallFields, today: string): Partial<Call> {
    const status = statusFromDates(fields, today);
    const next = nextDeadline(fields, today);
    return {
      ...(status !== stored.status ? { status } : {}),
      ...(next !== stored.nextDeadline ? { nextDeadline: next } : {}),
    };
  }

  /** Sightings stored before the identity key existed get it from their snapshot, once. */
  private async giveIdentityKeys(linkIds: string[]): Promise<void> {
    if (linkIds.length === 0) return;
    const rows: Array<{ id: string; snapshot: NormalisedCall }> = await this.dataSource.query(
      'SELECT id, snapshot FROM call_source WHERE id = ANY($1::uuid[])',
      [linkIds],
    );
    await this.dataSource.query(
      `UPDATE call_source cs SET identity_key = u.key
        FROM unnest($1::uuid[], $2::text[]) AS u(id, key) WHERE cs.id = u.id`,
      [rows.map((row) => row.id), rows.map((row) => callIdentityKey(row.snapshot))],
    );
  }

  /**
   * Withdraws, in one statement, the calls no source lists any more (every sighting missing for
   * MISSING_RUNS_BEFORE_WITHDRAWN runs): status `withdrawn`, and a `withdrawn` event each with
   * the status change, as the feeds and the change log read them. A call another source still
   * lists is left as it is. Returns how many were withdrawn.
   */
  private async withdrawUnlisted(callIds: string[], sourceId: string, at: Date): Promise<number> {
    // An INSERT … RETURNING comes back as its rows (an UPDATE's as [rows, rowCount]).
    const rows: Array<{ call_id: string }> = await this.dataSource.query(
      `WITH before AS (
         SELECT id, status FROM call
          WHERE id = ANY($1::uuid[]) AND status <> 'withdrawn'
          ORDER BY id FOR UPDATE
       ), withdrawn AS (
         UPDATE call c SET status = 'withdrawn', last_changed_at = $3, updated_at = now()
           FROM before
          WHERE c.id = before.id
            AND NOT EXISTS (SELECT 1 FROM call_source cs WHERE cs.call_id = c.id AND cs.missing_runs < $4::int)
         RETURNING c.id, before.status AS previous
       )
       INSERT INTO call_event (call_id, source_id, occurred_at, kind, changes, summary)
       SELECT id, $2, $3, 'withdrawn',
              jsonb_build_array(jsonb_build_object('field', 'status', 'from', previous, 'to', 'withdrawn')),
              'retiré : absent de ' || coalesce((SELECT name FROM source WHERE id = $2), $2)
                || ' lors de ' || $4::int::text || ' collectes successives'
         FROM withdrawn
       RETURNING call_id`,
      [callIds, sourceId, at, MISSING_RUNS_BEFORE_WITHDRAWN],
    );
    return rows.length;
  }

  /**
   * Calls the source still lists on unchanged pages (the connector's `still-listed`): seen now,
   * no longer missing, and their status and next deadline moved with the calendar as an
   * unchanged upsert would — in a handful of statements, whatever their number. Returns the external
   * ids the store cannot take as unchanged (unknown, or withdrawn): only a full read brings them.
   */
  async markStillListed(
    sourceId: string,
    externalIds: string[],
    seenAt: Date,
    options: Pick<UpsertOptions, 'today'> = {},
  ): Promise<StillListedOutcome> {
    if (externalIds.length === 0) return { seen: 0, needFullRead: [] };
    const today = options.today ?? parisDate(seenAt);
    const rows: Array<
      StoredSighting & { external_id: string; keyless: boolean; call_hash: string }
    > = await this.dataSource.query(
      `SELECT cs.id AS link_id, cs.external_id, cs.call_id, c.status, c.content_hash AS call_hash,
          cs.identity_key IS NULL AS keyless,
          c.next_deadline::text AS next_deadline, c.opens_at::text AS opens_at, c.deadlines, c.rolling
        FROM call_source cs JOIN call c ON c.id = cs.call_id
        WHERE cs.source_id = $1 AND cs.external_id = ANY($2::text[])`,
      [sourceId, externalIds],
    );
    const listed = rows.filter((row) => row.status !== 'withdrawn');
    const known = new Set(listed.map((row) => row.external_id));
    const needFullRead = externalIds.filter((id) => !known.has(id));
    if (listed.length === 0) return { seen: 0, needFullRead };
    await this.dataSource.query(
      `UPDATE call_source SET last_seen_at = greatest(last_seen_at, $2), missing_runs = 0
        WHERE id = ANY($1::uuid[])`,
      [listed.map((row) => row.link_id), seenAt],
    );
    await this.giveIdentityKeys(listed.filter((row) => row.keyless).map((row) => row.link_id));
    await this.dataSource.query(
      'UPDATE call SET last_seen_at = greatest(last_seen_at, $2) WHERE id = ANY($1::uuid[])',
      [[...new Set(listed.map((row) => row.call_id))], seenAt],
    );
    const moved = listed
      .map((row) => {
        const dates = { opensAt: row.opens_at, deadlines: row.deadlines, rolling: row.rolling };
        return {
          id: row.call_id,
          hash: row.call_hash,
          status: statusFromDates(dates, today),
          next: nextDeadline(dates, today),
          row,
        };
      })
      .filter((call) => call.status !== call.row.status || call.next !== call.row.next_deadline);
    if (moved.length) {
      // As the upsert's calendar move: updated_at tells the matching pass the call changed. A
      // call merged meanwhile by another source (other content hash) already has its status.
      await this.dataSource.query(
        `UPDATE call c SET status = u.status, next_deadline = u.next_deadline::date, updated_at = now()
          FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS u(id, content_hash, status, next_deadline)
          WHERE c.id = u.id AND c.content_hash = u.content_hash AND c.status <> 'withdrawn'`,
        [
          moved.map((call) => call.id),
          moved.map((call) => call.hash),
          moved.map((call) => call.status),
          moved.map((call) => call.next),
        ],
      );
    }
    return { seen: listed.length, needFullRead };
  }

  private async sourceName(manager: EntityManager, sourceId: string): Promise<string> {
    const rows: Array<{ name: string }> = await manager.query(
      'SELECT name FROM source WHERE id = $1',
      [sourceId],
    );
    return rows[0]?.name ?? sourceId;
  }

  private async addEvent(
    manager: EntityManager,
    callId: string,
    sourceId: string,
    occurredAt: Date,
    kind: CallEventKind,
    changes: FieldChange[],
    summary: string,
  ): Promise<void> {
    await manager.insert(CallEvent, {
      callId,
      sourceId,
      occurredAt,
      kind,
      changes,
      summary,
    } as QueryDeepPartialEntity<CallEvent>);
  }

  /** Events of some calls, oldest first (export, tests). */
  async eventsOf(callIds: string[]): Promise<CallEvent[]> {
    if (callIds.length === 0) return [];
    return this.dataSource
      .getRepository(CallEvent)
      .find({ where: { callId: In(callIds) }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }
}

/**
 * Same content, still listed, nothing due to move with the calendar: only the sighting is
 * written, without a lock or a transaction. Anything else takes the locked path.
 */
function isPlainSighting(row: StoredSighting, hash: string, today: string): boolean {
  if (row.content_hash !== hash || row.missing_runs !== 0 || row.status === 'withdrawn') {
    return false;
  }
  const dates = { opensAt: row.opens_at, deadlines: row.deadlines, rolling: row.rolling };
  return (
    statusFromDates(dates, today) === row.status && nextDeadline(dates, today) === row.next_deadline
  );
}

function storedFields(call: Call): CallFields {
  return Object.fromEntries(
    CALL_FIELD_NAMES.map((name) => [name, call[name]]),
  ) as unknown as CallFields;
}

/** The earliest deadline not yet past on the Paris calendar. */
export function nextDeadline(fields: Pick<CallFields, 'deadlines'>, today: string): string | null {
  return (
    fields.deadlines
      .map((d) => d.date)
      .filter((date) => date >= today)
      .sort()[0] ?? null
  );
}

function reappearedSummary(changes: FieldChange[]): string {
  return ['de nouveau publié', summariseChanges(changes)].filter(Boolean).join(' ; ');
}
