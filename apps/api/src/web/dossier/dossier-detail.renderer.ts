import { Clock } from '@app/common';
import { ImpactService } from '@app/impact';
import { EU_AREAS, FUNDING_LINE_STATUSES, operationDateWarnings, TASK_KINDS } from '@app/treasury';
import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { WebPageContextService } from '../web-page-context.service';
import type { SignedInRequest } from '../web-request.types';
import { WebViewService } from '../web-view.service';
import type { FieldError } from '../web-view.types';
import { frenchMonthOf } from '../french-format.util';
import {
  MAX_ROWS,
  type GeneralForm,
  type IndicatorRowForm,
  type LineForm,
  type TaskRowForm,
} from './dossier-form.util';
import {
  DOSSIER_EDITORS,
  EU_AREA_LABELS,
  LINE_STATUS_LABELS,
  PLAN_EDITORS,
  STATUS_LABELS,
  TASK_KIND_LABELS,
} from './dossier-label.constants';
import { DossierPageService } from './dossier-page.service';
import type { DossierDetail } from './dossier-page.types';

/** The status form as typed. */
export interface StatusForm {
  etape: string;
  date: string;
}

/** What a failed POST gives back to the page: the forms as typed, their errors, a message. */
export interface DossierPageState {
  notice?: string | null;
  /** Just saved (created, or its dates edited): say what was accepted but looks wrong. */
  justSaved?: boolean;
  errors?: FieldError[];
  /** A page-level refusal (stale version, impossible move), shown above the forms. */
  message?: string | null;
  general?: GeneralForm;
  line?: LineForm;
  tasks?: TaskRowForm[];
  indicators?: IndicatorRowForm[];
  status?: StatusForm;
  activity?: ActivityForm;
}

/** The activity forms as typed (one entry, or a pasted CSV). */
export interface ActivityForm {
  indicateur: string;
  debut: string;
  fin: string;
  nombre: string;
  csv: string;
}

const BLANK_ACTIVITY: ActivityForm = { indicateur: '', debut: '', fin: '', nombre: '', csv: '' };

export const STALE_MESSAGE =
  'Ce dossier a été modifié entre-temps (dans un autre onglet ou par quelqu’un d’autre). ' +
  'Rien n’a été enregistré : votre saisie est conservée ci-dessous et le reste de la page ' +
  'montre la version à jour. Vérifiez, puis enregistrez de nouveau.';

export const NEW_LINE: LineForm = {
  type: '',
  financeur: '',
  montant: '',
  statut: 'requested',
  signature: '',
  avance: '',
  versements: '',
  organisme: false,
  finPret: '',
  demandes: '',
  delai: '',
};

/** The « dossier » page, from the stored dossier and whatever a failed form sends back. */
@Injectable()
export class DossierDetailRenderer {
  constructor(
    private readonly pages: DossierPageService,
    private readonly context: WebPageContextService,
    private readonly views: WebViewService,
    private readonly clock: Clock,
    private readonly impact: ImpactService,
  ) {}

  async render(
    request: SignedInRequest,
    response: Response,
    id: string,
    state: DossierPageState = {},
    status = 200,
  ): Promise<void> {
    const detail = await this.pages.detail(request.principal, id);
    const activity = await this.activity(request, id, detail);
    const layout = await this.context.layout(request, detail.dossier.title, 'dossiers');
    const role = request.principal.role;
    this.views.send(
      response,
      'dossier-detail',
      {
        ...layout,
        ...detail,
        notice: state.notice ?? null,
        // The same warnings as the API's answer to the write, shown once after the redirect.
        inputWarnings: state.justSaved
          ? operationDateWarnings(detail.dossier, this.clock.month()).map((w) => w.message)
          : [],
        errors: state.errors ?? [],
        message: state.message ?? null,
        canEdit: DOSSIER_EDITORS.includes(role),
        canEditPlan: PLAN_EDITORS.includes(role),
        forms: {
          general: state.general ?? generalForm(detail),
          line: state.line ?? NEW_LINE,
          tasks: withBlankRow(state.tasks ?? taskRows(detail), blankTask, isBlankTask),
          indicators: withBlankRow(
            state.indicators ?? indicatorRows(detail),
            blankIndicator,
            isBlankIndicator,
          ),
          status: state.status ?? { etape: detail.transitions[0]?.value ?? '', date: '' },
          activity: state.activity ?? BLANK_ACTIVITY,
        },
        activity,
        // After a stale edit of the general fields, what was saved meanwhile is shown next to each field.
        storedGeneral: state.general && state.message ? generalForm(detail) : null,
        options: this.options(),
        statusLabels: STATUS_LABELS,
        taskKindLabels: TASK_KIND_LABELS,
        month: frenchMonthOf,
      },
      status,
    );
  }

  /** Entries, totals per indicator, and the indicators an entry may use (the dossier's targets first). */
  private async activity(request: SignedInRequest, id: string, detail: DossierDetail) {
    const [entries, indicators] = await Promise.all([
      this.impact.activity(request.principal, id),
      this.impact.indicators(request.principal),
    ]);
    const achieved: Record<string, number> = {};
    for (const e of entries) achieved[e.indicator] = (achieved[e.indicator] ?? 0) + e.count;
    const targets = detail.dossier.indicators.map((t) => {
      const known = indicators.find((i) => i.key === t.key);
      return { key: t.key, label: known?.label ?? t.label ?? t.key, unit: known?.unit ?? 'nombre' };
    });
    const options = [
      ...targets,
      ...indicators
        .filter((i) => !targets.some((t) => t.key === i.key))
        .map((i) => ({ key: i.key, label: i.label, unit: i.unit })),
    ];
    const labels = Object.fromEntries(options.map((o) => [o.key, o.label]));
    return { entries, achieved, options, labels };
  }

  /** The select lists of the dossier forms, labelled in French. */
  options() {
    return {
      kinds: this.pages.kindOptions,
      lineStatuses: FUNDING_LINE_STATUSES.map((s) => ({ value: s, label: LINE_STATUS_LABELS[s] })),
      taskKinds: TASK_KINDS.map((k) => ({ value: k, label: TASK_KIND_LABELS[k] })),
      euAreas: EU_AREAS.map((a) => ({ value: a, label: EU_AREA_LABELS[a] })),
    };
  }
}

function generalForm(detail: DossierDetail): GeneralForm {
  const d = detail.dossier;
  return {
    titre: d.title,
    cout: euros(d.totalCostCents),
    debut: d.operationStart.slice(0, 7),
    fin: d.operationEnd.slice(0, 7),
    depot: d.submissionDeadline ?? '',
    zone: d.euArea ?? '',
  };
}

function taskRows(detail: DossierDetail): TaskRowForm[] {
  return detail.dossier.tasks.map((t) => ({
    libelle: t.label,
    type: t.kind,
    echeance: t.dueDate,
    faite: t.done === true,
    supprimer: false,
  }));
}

function indicatorRows(detail: DossierDetail): IndicatorRowForm[] {
  return detail.dossier.indicators.map((i) => ({
    cle: i.key,
    libelle: i.label ?? i.key,
    prevu: String(i.planned),
    supprimer: false,
  }));
}

/** One empty row at the end is how a task or indicator is added without JavaScript. */
function withBlankRow<T>(rows: T[], blank: () => T, isBlank: (row: T) => boolean): T[] {
  const kept = rows.filter((row) => !isBlank(row));
  return kept.length < MAX_ROWS ? [...kept, blank()] : kept;
}

function isBlankTask(row: TaskRowForm): boolean {
  return !row.libelle && !row.echeance;
}

function isBlankIndicator(row: IndicatorRowForm): boolean {
  return !row.libelle && !row.prevu;
}

function blankTask(): TaskRowForm {
  return { libelle: '', type: 'other', echeance: '', faite: false, supprimer: false };
}

function blankIndicator(): IndicatorRowForm {
  return { cle: '', libelle: '', prevu: '', supprimer: false };
}

/** An amount as a user types it back: « 45000 » or « 45000,50 ». */
export function euros(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(whole) : `${whole},${String(rest).padStart(2, '0')}`;
}
