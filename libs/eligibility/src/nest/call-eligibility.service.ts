import {
  Call,
  CallEligibility,
  CallSource,
  Organisation,
  type StoredBeneficiary,
} from '@app/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { extractEligibility } from '../eligibility.extractor';
import type { Beneficiary, EligibilityVerdict, EligibilityVocabulary } from '../eligibility.types';
import { eligibilityVerdict } from '../eligibility.verdict';
import { LEGAL_FORMS, isLegalForm, type LegalForm } from '../legal-form.constants';
import { ELIGIBILITY_VOCABULARY } from './eligibility-vocabulary.provider';

/** Keyset start: every uuid sorts after it. */
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

export type OrganisationVerdict = EligibilityVerdict & { legalForm: LegalForm | null };

type CallText = Pick<Call, 'id' | 'title' | 'descriptionText' | 'documents' | 'contentHash'>;

/**
 * Keeps `call_eligibility` in step with the calls and the vocabulary (like call_classification
 * with the classifier): who may apply to each call, with the words, extracted once per content
 * hash and vocabulary version; verdicts for an organisation are then computed on read.
 */
@Injectable()
export class CallEligibilityService {
  private readonly logger = new Logger(CallEligibilityService.name);

  constructor(
    @Inject(ELIGIBILITY_VOCABULARY) private readonly vocabulary: EligibilityVocabulary,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallSource) private readonly callSources: Repository<CallSource>,
    @InjectRepository(CallEligibility) private readonly eligibilities: Repository<CallEligibility>,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
  ) {}

  get version(): string {
    return this.vocabulary.version;
  }

  /**
   * Extracts every call never read, changed since, or read by another vocabulary version,
   * `limit` per query and write. Returns how many were (re)computed.
   */
  async computePending(limit = 500): Promise<number> {
    const size = Math.max(1, Math.floor(limit));
    let after = FIRST_ID;
    let computed = 0;
    for (;;) {
      const batch = await this.calls
        .createQueryBuilder('c')
        .leftJoin(CallEligibility, 'ce', 'ce.callId = c.id')
        .select(['c.id', 'c.title', 'c.descriptionText', 'c.documents', 'c.contentHash'])
        .where(
          '(ce.call_id IS NULL OR ce.content_hash <> c.content_hash OR ce.version <> :version)',
          { version: this.version },
        )
        .andWhere('c.id > :after', { after })
        .orderBy('c.id', 'ASC')
        .limit(size)
        .getMany();
      if (batch.length === 0) return computed;
      computed += (await this.store(batch)).length;
      after = batch[batch.length - 1].id;
      if (batch.length < size) return computed;
    }
  }

  /**
   * Who may apply to each call, by id; calls never read, changed or read by another vocabulary
   * are read now, in one batch (a call stored a moment ago has no row until the worker's pass).
   */
  async beneficiariesOfMany(callIds: readonly string[]): Promise<Map<string, Beneficiary[]>> {
    const result = new Map<string, Beneficiary[]>();
    if (callIds.length === 0) return result;
    const calls = await this.calls.find({
      where: { id: In([...callIds]) },
      select: ['id', 'title', 'descriptionText', 'documents', 'contentHash'],
    });
    const stored = await this.eligibilities.find({ where: { callId: In([...callIds]) } });
    const byId = new Map(stored.map((row) => [row.callId, row]));
    const stale = calls.filter((call) => {
      const row = byId.get(call.id);
      if (row && row.version === this.version && row.contentHash === call.contentHash) {
        result.set(call.id, row.beneficiaries as Beneficiary[]);
        return false;
      }
      return true;
    });
    for (const row of await this.store(stale)) {
      result.set(row.callId, row.beneficiaries as Beneficiary[]);
    }
    return result;
  }

  /** Who may apply to the call, computed now when missing or stale (a call just stored). */
  async beneficiariesOf(callId: string): Promise<Beneficiary[]> {
    const call = await this.calls.findOne({
      where: { id: callId },
      select: ['id', 'title', 'descriptionText', 'documents', 'contentHash'],
    });
    if (!call) return [];
    const stored = await this.eligibilities.findOne({ where: { callId } });
    if (stored && stored.version === this.version && stored.contentHash === call.contentHash) {
      return stored.beneficiaries as Beneficiary[];
    }
    const [row] = await this.store([call]);
    return (row?.beneficiaries ?? []) as Beneficiary[];
  }

  /** The verdict for the organisation's legal form (unknown while it has none). */
  async verdictFor(organisationId: string, callId: string): Promise<OrganisationVerdict> {
    const organisation = await this.organisations.findOne({
      where: { id: organisationId },
      select: ['id', 'legalForm'],
    });
    const legalForm = isLegalForm(organisation?.legalForm) ? organisation.legalForm : null;
    return { ...eligibilityVerdict(legalForm, await this.beneficiariesOf(callId)), legalForm };
  }

  private async store(calls: CallText[]): Promise<CallEligibility[]> {
    const labels = await this.audienceLabels(calls.map((c) => c.id));
    const computedAt = new Date();
    const rows: CallEligibility[] = [];
    for (const call of calls) {
      try {
        const beneficiaries: StoredBeneficiary[] = extractEligibility(this.vocabulary, {
          title: call.title,
          description: call.descriptionText,
          documents: call.documents.map((d) => d.text),
          audienceLabels: labels.get(call.id) ?? [],
        });
        rows.push(
          this.eligibilities.create({
            callId: call.id,
            version: this.version,
            beneficiaries,
            contentHash: call.contentHash,
            computedAt,
          }),
        );
      } catch (error) {
        // One unreadable call must not hold back the others; it stays pending.
        this.logger.error(`Eligibility of call ${call.id} failed: ${(error as Error).message}`);
      }
    }
    if (rows.length > 0) {
      await this.eligibilities.manager.transaction(async (manager) => {
        await manager.getRepository(CallEligibility).upsert(rows, ['callId']);
        await this.storeVerdicts(manager, rows);
      });
    }
    return rows;
  }

  /**
   * The calls each legal form may not apply to, for the ranking (`legal_form_call_verdict`):
   * a verdict depends only on (legal form, call), so a dozen forms times the few excluding
   * calls replace a row per organisation per call.
   */
  private async storeVerdicts(manager: EntityManager, rows: CallEligibility[]): Promise<void> {
    const forms: string[] = [];
    const callIds: string[] = [];
    const summaries: string[] = [];
    for (const row of rows) {
      for (const legalForm of LEGAL_FORMS) {
        const verdict = eligibilityVerdict(legalForm, row.beneficiaries as Beneficiary[]);
        if (verdict.verdict !== 'not_eligible') continue;
        forms.push(legalForm);
        callIds.push(row.callId);
        summaries.push(verdict.summary);
      }
    }
    await manager.query(`DELETE FROM legal_form_call_verdict WHERE call_id = ANY($1::uuid[])`, [
      rows.map((row) => row.callId),
    ]);
    if (forms.length === 0) return;
    await manager.query(
      `INSERT INTO legal_form_call_verdict (legal_form, call_id, summary)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[])`,
      [forms, callIds, summaries],
    );
  }

  /** The structured « bénéficiaires » labels each source gave (kept in its snapshot). */
  private async audienceLabels(callIds: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (callIds.length === 0) return result;
    const sightings = await this.callSources.find({
      where: { callId: In(callIds) },
      select: ['callId', 'snapshot'],
    });
    for (const sighting of sightings) {
      const given = (sighting.snapshot as { audienceLabels?: unknown }).audienceLabels;
      if (!Array.isArray(given)) continue;
      const labels = result.get(sighting.callId) ?? [];
      for (const label of given) {
        if (typeof label === 'string' && !labels.includes(label)) labels.push(label);
      }
      result.set(sighting.callId, labels);
    }
    return result;
  }
}
