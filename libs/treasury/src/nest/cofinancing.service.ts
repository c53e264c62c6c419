import {
  Classifier,
  ORGANISATION_RELEVANT_SQL,
  ORGANISATION_SCORE_SQL,
  organisationFigureJoins,
} from '@app/classifier';
import { Clock, formatEuros, formatPercent, territoryCovers } from '@app/common';
import {
  CallEligibilityService,
  eligibilityVerdict,
  isLegalForm,
  type EligibilityVerdict,
} from '@app/eligibility';
import { Organisation } from '@app/persistence';
import { Principal } from '@app/tenancy';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { checkFundingPlan } from '../funding-plan.checker';
import type { FundingRules } from '../funding-rules.types';
import { ApplicationService } from './application.service';
import { FUNDING_RULES } from './funding-rules.provider';

export interface CofinancingCandidate {
  callId: string;
  title: string;
  url: string;
  funders: string[];
  status: string;
  nextDeadline: string | null;
  rolling: boolean;
  territory: string[];
  amountMaxCents: number | null;
  /** Ranking score in [0, 1]: relevance, shared themes, amount, territory. */
  score: number;
  /** French, strongest first. */
  reasons: string[];
}

export interface CofinancingResult {
  applicationId: string;
  gapCents: number;
  /** Calls must close before this day to fund the operation. */
  operationStartsOn: string;
  candidates: CofinancingCandidate[];
}

interface CallRow {
  id: string;
  title: string;
  url: string;
  funders: string[];
  status: string;
  next_deadline: string | null;
  rolling: boolean;
  territory: string[];
  amount_max_cents: string | null;
  score: number | null;
  relevant: boolean | null;
  themes: { id: string; score: number }[] | null;
}

const MAX_CANDIDATES = 20;

/**
 * Stored open (or forthcoming) calls that could fill an application's funding gap: closing before
 * the operation starts, published for the organisation's territory, not closed to the
 * organisation's legal form (the eligibility verdict: a call « réservé aux entreprises » is left
 * out for an association, one for communes is kept for a commune); ranked by the classifier's relevance and the themes they share with the
 * call the application answers.
 */
@Injectable()
export class CofinancingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FUNDING_RULES) private readonly rules: FundingRules,
    private readonly applications: ApplicationService,
    private readonly clock: Clock,
    private readonly eligibility: CallEligibilityService,
    classifier: Classifier,
  ) {
    this.themeLabels = new Map(classifier.definition.themes.map((t) => [t.id, t.label]));
  }

  private readonly themeLabels: ReadonlyMap<string, string>;

  async find(principal: Principal, applicationId: string): Promise<CofinancingResult> {
    const app = await this.applications.findVisible(principal, applicationId);
    const input = await this.applications.input(principal, applicationId);
    const gapCents = checkFundingPlan(input, this.rules).gapCents;
    const startsOn =
      input.operationStart.length === 7 ? `${input.operationStart}-01` : input.operationStart;
    const organisation = await this.dataSource
      .getRepository(Organisation)
      .findOneByOrFail({ id: principal.organisationId });
    const linkedThemes = app.callId ? await this.themesOf(app.callId) : new Set<string>();
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.title, c.url, c.funders, c.status, to_char(c.next_deadline, 'YYYY-MM-DD') AS next_deadline,
              c.rolling, c.territory, c.amount_max_cents,
              ${ORGANISATION_SCORE_SQL} AS score, ${ORGANISATION_RELEVANT_SQL} AS relevant, cc.themes
         FROM call c LEFT JOIN call_classification cc ON cc.call_id = c.id
         ${organisationFigureJoins('$4')}
        WHERE c.status IN ('open', 'forthcoming')
          -- « Pas pour nous »: the organisation said so; it is not suggested again.
          AND f.relevant IS NOT FALSE
          AND ((c.next_deadline >= $1 AND c.next_deadline < $2) OR (c.next_deadline IS NULL AND c.rolling))
          AND ($3::uuid IS NULL OR c.id <> $3::uuid)`,
      [this.clock.today(), startsOn, app.callId, principal.organisationId],
    )) as CallRow[];
    const beneficiaries = await this.eligibility.beneficiariesOfMany(rows.map((r) => r.id));
    const legalForm = isLegalForm(organisation.legalForm) ? organisation.legalForm : null;
    const candidates = rows
      .map((row) =>
        rank(
          row,
          organisation.territory,
          eligibilityVerdict(legalForm, beneficiaries.get(row.id) ?? []),
          linkedThemes,
          gapCents,
          this.themeLabels,
        ),
      )
      .filter((c): c is CofinancingCandidate => c !== null)
      .sort(
        (a, b) =>
          b.score - a.score || (a.nextDeadline ?? '9999').localeCompare(b.nextDeadline ?? '9999'),
      )
      .slice(0, MAX_CANDIDATES);
    return { applicationId, gapCents, operationStartsOn: startsOn, candidates };
  }

  private async themesOf(callId: string): Promise<Set<string>> {
    const rows = (await this.dataSource.query(
      'SELECT themes FROM call_classification WHERE call_id = $1',
      [callId],
    )) as {
      themes: { id: string }[];
    }[];
    return new Set((rows[0]?.themes ?? []).map((t) => t.id));
  }
}

/** Null when the organisation cannot apply (territory or eligibility); otherwise its score and reasons. */
function rank(
  row: CallRow,
  places: string[],
  eligibility: EligibilityVerdict,
  linkedThemes: Set<string>,
  gapCents: number,
  themeLabels: ReadonlyMap<string, string>,
): CofinancingCandidate | null {
  const reasons: string[] = [];
  let score = 0;
  if (row.territory.length > 0) {
    const covered = row.territory.some((t) => places.some((place) => territoryCovers(t, place)));
    if (!covered) return null;
    const national = row.territory.includes('FR');
    reasons.push(
      national
        ? 'Appel national : ouvert à votre territoire'
        : `Publié pour votre territoire (${row.territory.join(', ')})`,
    );
    score += national ? 0.05 : 0.1;
  } else {
    reasons.push('Territoire non précisé : vérifiez l’éligibilité');
  }
  if (eligibility.verdict === 'not_eligible') return null;
  reasons.push(eligibility.summary);
  if (eligibility.verdict === 'eligible') score += 0.05;
  if (row.relevant) {
    reasons.push(
      `Pertinent pour la médiation numérique (pertinence ${formatPercent(row.score ?? 0)})`,
    );
    score += 0.5 * (row.score ?? 0);
  }
  const shared = (row.themes ?? [])
    .filter((t) => linkedThemes.has(t.id))
    .map((t) => themeLabels.get(t.id) ?? t.id);
  if (shared.length > 0) {
    reasons.push(`Thèmes communs avec l’appel du dossier : ${shared.join(', ')}`);
    score += Math.min(0.2, 0.07 * shared.length);
  }
  const maxCents = row.amount_max_cents === null ? null : Number(row.amount_max_cents);
  if (gapCents > 0 && maxCents !== null && maxCents >= gapCents) {
    reasons.push(
      `Montant maximal (${formatEuros(maxCents)}) suffisant pour l’écart de ${formatEuros(gapCents)}`,
    );
    score += 0.1;
  }
  reasons.push(
    row.next_deadline
      ? `Date limite ${row.next_deadline}, avant le début de l’opération`
      : 'Dépôt au fil de l’eau',
  );
  return {
    callId: row.id,
    title: row.title,
    url: row.url,
    funders: row.funders,
    status: row.status,
    nextDeadline: row.next_deadline,
    rolling: row.rolling,
    territory: row.territory,
    amountMaxCents: maxCents,
    score: Math.round(score * 1000) / 1000,
    reasons,
  };
}
