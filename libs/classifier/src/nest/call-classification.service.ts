import { Call, CallClassification } from '@app/persistence';
import { TenancyException } from '@app/tenancy';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Classifier } from '../classifier';
import type { SharedClassification } from '../classifier';
import { encodeTerms } from '../feedback/compact-terms';
import { CALL_TEXT_COLUMNS, toClassifiableCall, type CallText } from './classifiable-call.util';

/** Keyset start: every uuid sorts after it. */
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

export interface PendingCounts {
  /** Calls never scored. */
  unscored: number;
  /** Calls whose content changed since they were scored. */
  changed: number;
  /**
   * Calls scored by another classifier version (thesaurus or code change), or before the terms
   * that feedback reads were stored.
   */
  outdated: number;
}

type PendingCall = CallText & Pick<Call, 'contentHash'>;

/**
 * Keeps `call_classification` in step with the calls and the classifier: the shared score of
 * each call, by the rules alone, with the version and content hash it was computed from.
 */
@Injectable()
export class CallClassificationService {
  private readonly logger = new Logger(CallClassificationService.name);

  constructor(
    private readonly classifier: Classifier,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallClassification)
    private readonly classifications: Repository<CallClassification>,
  ) {}

  get version(): string {
    return this.classifier.version;
  }

  /** Scores one call now and stores the result. */
  async classifyCall(callId: string): Promise<CallClassification> {
    const call = await this.calls.findOne({
      where: { id: callId },
      select: [...CALL_TEXT_COLUMNS, 'contentHash'],
    });
    if (!call) throw TenancyException.notFound('Appel');
    const [row] = await this.store([call]);
    return row;
  }

  /**
   * Scores every call that has no classification, whose content hash changed, or that an older
   * classifier version scored; `limit` calls per query and per write. Returns how many were
   * scored. Walks the pending calls by id, so each is visited once per run even if a call
   * keeps failing, and a call changed meanwhile is caught by the next run.
   */
  /** `onBatch` hears the running count after each batch (the CLI's progress line). */
  async scorePending(limit = 500, onBatch?: (scored: number) => void): Promise<number> {
    const size = Math.max(1, Math.floor(limit));
    let after = FIRST_ID;
    let scored = 0;
    for (;;) {
      const batch = await this.pendingBatch(after, size);
      if (batch.length === 0) return scored;
      scored += (await this.store(batch)).length;
      onBatch?.(scored);
      after = batch[batch.length - 1].id;
      if (batch.length < size) return scored;
    }
  }

  async pendingCounts(): Promise<PendingCounts> {
    const row = await this.calls
      .createQueryBuilder('c')
      .leftJoin(CallClassification, 'cc', 'cc.callId = c.id')
      .select('COUNT(*) FILTER (WHERE cc.call_id IS NULL)::int', 'unscored')
      .addSelect(
        'COUNT(*) FILTER (WHERE cc.content_hash <> c.content_hash AND cc.version = :version)::int',
        'changed',
      )
      .addSelect(
        'COUNT(*) FILTER (WHERE cc.version <> :version OR cc.feedback_terms IS NULL)::int',
        'outdated',
      )
      .setParameter('version', this.classifier.version)
      .getRawOne<PendingCounts>();
    return row ?? { unscored: 0, changed: 0, outdated: 0 };
  }

  private pendingBatch(after: string, limit: number): Promise<PendingCall[]> {
    return this.calls
      .createQueryBuilder('c')
      .leftJoin(CallClassification, 'cc', 'cc.callId = c.id')
      .select(['c.id', 'c.title', 'c.descriptionText', 'c.funders', 'c.documents', 'c.contentHash'])
      .where(
        `(cc.call_id IS NULL OR cc.content_hash <> c.content_hash OR cc.version <> :version
          OR cc.feedback_terms IS NULL)`,
        {
          version: this.classifier.version,
        },
      )
      .andWhere('c.id > :after', { after })
      .orderBy('c.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  private async store(calls: PendingCall[]): Promise<CallClassification[]> {
    const classifiedAt = new Date();
    const rows: CallClassification[] = [];
    for (const call of calls) {
      try {
        const result = this.classifier.classifyShared(toClassifiableCall(call));
        rows.push(this.toRow(result, call.contentHash, classifiedAt));
      } catch (error) {
        // One unreadable call must not hold back the others; it stays pending and is retried.
        this.logger.error(`Call ${call.id} could not be scored: ${(error as Error).message}`);
      }
    }
    if (rows.length > 0) await this.classifications.upsert(rows, ['callId']);
    return rows;
  }

  private toRow(
    shared: SharedClassification,
    contentHash: string,
    classifiedAt: Date,
  ): CallClassification {
    const result = shared.classification;
    return this.classifications.create({
      callId: result.callId,
      version: result.version,
      score: result.score,
      relevant: result.relevant,
      themes: result.themes,
      euFund: result.euFund,
      explanation: result.explanation,
      evidence: shared.evidence,
      feedbackTerms: encodeTerms(shared.counts),
      contentHash,
      classifiedAt,
    });
  }
}
