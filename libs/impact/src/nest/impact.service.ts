import { Clock } from '@app/common';
import {
  ActivityEntry,
  Application,
  ImpactReferenceOverride,
  OrganisationIndicator,
  type StoredIndicator,
} from '@app/persistence';
import { Principal, TenancyException } from '@app/tenancy';
import {
  ApplicationService,
  fromMonthIndex,
  isMonth,
  toMonthIndex,
  TreasuryService,
  type ApplicationInput,
} from '@app/treasury';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { parseActivityCsv, CSV_FIELD_NAMES } from '../activity-csv.parser';
import { checkActivityEntries } from '../activity-entry.checker';
import { invalidImpactInput, type ImpactIssue } from '../impact.exception';
import type {
  ActivityEntryView,
  ImpactReference,
  ImpactReferences,
  IndicatorCatalogue,
  IndicatorDefinition,
} from '../impact.types';
import { buildImpactReport } from '../impact-report.builder';
import type { ImpactReport, ReportApplication } from '../impact-report.types';
import { impactReportToXlsx } from '../impact-xlsx.exporter';
import { IMPACT_REFERENCES, INDICATOR_CATALOGUE } from './impact-config.provider';

/** Kinds that are not a funder's money: the structure's own, and a loan it repays. */
const NOT_FUNDERS = ['SELF_FUNDING', 'BRIDGE_LOAN'];
const KEY_RE = /^[a-z][a-z0-9_]{1,63}$/;
const DATE_RE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const MAX_TEXT = 2_000;
/** Payments are looked for this far before the operation (an advance on signature) and after. */
const MONTHS_BEFORE = 12;
const PROJECTION_MONTHS = 120;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ImpactFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

/**
 * Dated activity of the organisation's dossiers and the funders' reports built on it. Every
 * read and write goes through the dossier's organisation: another one's dossier is "not found".
 */
@Injectable()
export class ImpactService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(INDICATOR_CATALOGUE) private readonly catalogue: IndicatorCatalogue,
    @Inject(IMPACT_REFERENCES) private readonly referenceFile: ImpactReferences,
    private readonly applications: ApplicationService,
    private readonly treasury: TreasuryService,
    private readonly clock: Clock,
  ) {}

  /** The catalogue then the organisation's own indicators. */
  async indicators(principal: Principal): Promise<IndicatorDefinition[]> {
    const own = await this.dataSource.getRepository(OrganisationIndicator).find({
      where: { organisationId: principal.organisationId },
      order: { createdAt: 'ASC' },
    });
    return [...this.catalogue.indicators, ...own.map(ownDefinition)];
  }

  async addIndicator(
    principal: Principal,
    body: Record<string, unknown>,
  ): Promise<IndicatorDefinition> {
    const issues: ImpactIssue[] = [];
    const key = body.key;
    if (typeof key !== 'string' || !KEY_RE.test(key))
      issues.push(
        issue(
          'key',
          'clé en minuscules, chiffres et _ (2 à 64)',
          'lower case letters, digits and _ (2–64)',
        ),
      );
    else if (this.catalogue.indicators.some((i) => i.key === key))
      issues.push(issue('key', 'clé déjà prise par le catalogue', 'key taken by the catalogue'));
    for (const field of ['label', 'unit', 'definition'] as const)
      textField(body, field, issues, true);
    textField(body, 'askedBy', issues, false);
    if (issues.length > 0) throw invalidImpactInput(issues);
    const repository = this.dataSource.getRepository(OrganisationIndicator);
    if (
      await repository.exists({
        where: { organisationId: principal.organisationId, key: key as string },
      })
    )
      throw invalidImpactInput([issue('key', 'indicateur déjà créé', 'indicator already exists')]);
    const saved = await repository.save(
      repository.create({
        organisationId: principal.organisationId,
        key: key as string,
        label: (body.label as string).trim(),
        unit: (body.unit as string).trim(),
        definition: (body.definition as string).trim(),
        askedBy:
          typeof body.askedBy === 'string' && body.askedBy.trim() ? body.askedBy.trim() : null,
      }),
    );
    return ownDefinition(saved);
  }

  async activity(principal: Principal, applicationId: string): Promise<ActivityEntryView[]> {
    await this.applications.findVisible(principal, applicationId);
    const entries = await this.dataSource.getRepository(ActivityEntry).find({
      where: { applicationId },
      order: { periodStart: 'ASC', createdAt: 'ASC' },
    });
    return entries.map(entryView);
  }

  /** All the entries or none: one refused entry refuses the request. */
  async addActivity(
    principal: Principal,
    applicationId: string,
    raw: unknown,
  ): Promise<ActivityEntryView[]> {
    const app = await this.applications.findVisible(principal, applicationId);
    const { entries, issues } = checkActivityEntries(raw, await this.entryContext(principal, app));
    if (issues.length > 0) throw invalidImpactInput(issues);
    return this.store(applicationId, entries);
  }

  /**
   * A CSV of entries (indicateur;debut;fin;nombre;note), the indicator by key or label. Every
   * line in error is reported with its number and column, and then nothing is stored.
   */
  async importCsv(
    principal: Principal,
    applicationId: string,
    csv: unknown,
  ): Promise<ActivityEntryView[]> {
    const app = await this.applications.findVisible(principal, applicationId);
    if (typeof csv !== 'string' || csv.trim() === '')
      throw invalidImpactInput([
        issue('csv', 'fichier CSV vide ou absent', 'CSV file empty or missing'),
      ]);
    const parsed = parseActivityCsv(csv);
    if (parsed.issues.length > 0) throw invalidImpactInput(parsed.issues);
    const context = await this.entryContext(principal, app);
    const byLabel = new Map(
      (await this.indicators(principal)).map((i) => [normalise(i.label), i.key] as const),
    );
    for (const target of app.indicators)
      if (target.label) byLabel.set(normalise(target.label), target.key);
    const rows = parsed.rows.map((row) => {
      const name = typeof row.indicator === 'string' ? row.indicator : '';
      const key = context.knownIndicators.has(name) ? name : byLabel.get(normalise(name));
      return key ? { ...row, indicator: key } : row;
    });
    const { entries, issues } = checkActivityEntries(
      rows,
      context,
      (i, field) => `line[${parsed.lineOf[i]}].${field || 'row'}`,
    );
    if (parsed.rows.length === 0)
      throw invalidImpactInput([
        issue('csv', 'aucune ligne après l’en-tête', 'no line after the header'),
      ]);
    if (issues.length > 0)
      throw invalidImpactInput(
        issues.map((i) => {
          const [, line, field] = /^line\[(\d+)\]\.(\w+)$/.exec(i.path) ?? [];
          return {
            ...i,
            message: `ligne ${line}, colonne ${CSV_FIELD_NAMES[field === 'row' ? '' : field] ?? field} : ${i.message}`,
            messageEn: `line ${line}, column ${field}: ${i.messageEn}`,
          };
        }),
      );
    return this.store(applicationId, entries);
  }

  async removeActivity(
    principal: Principal,
    applicationId: string,
    entryId: string,
  ): Promise<void> {
    await this.applications.findVisible(principal, applicationId);
    const result = await this.dataSource
      .getRepository(ActivityEntry)
      .delete({ id: entryId, applicationId });
    if (!result.affected) throw TenancyException.notFound('Activité / activity entry');
  }

  /** The reference values this organisation's reports use: its own where it set one. */
  async references(principal: Principal): Promise<ImpactReference[]> {
    const overrides = await this.dataSource
      .getRepository(ImpactReferenceOverride)
      .find({ where: { organisationId: principal.organisationId } });
    return this.referenceFile.references.map((ref) => {
      const own = overrides.find((o) => o.referenceId === ref.id);
      if (!own) return ref;
      return {
        ...ref,
        value: own.value,
        date: own.valueDate,
        population: own.population,
        source: {
          title: own.sourceTitle,
          publisher: own.sourcePublisher,
          ...(own.sourceUrl ? { url: own.sourceUrl } : {}),
          published: own.sourcePublished,
        },
        uncertain: undefined,
        overridden: true,
      };
    });
  }

  /** The organisation's own value for a reference; refused without its source, date and population. */
  async setReference(
    principal: Principal,
    id: string,
    body: Record<string, unknown>,
  ): Promise<ImpactReference> {
    if (!this.referenceFile.references.some((r) => r.id === id))
      throw TenancyException.notFound('Valeur de référence / reference value');
    const issues: ImpactIssue[] = [];
    if (typeof body.value !== 'number' || !Number.isFinite(body.value) || body.value < 0)
      issues.push(issue('value', 'nombre positif ou nul attendu', 'expected a number ≥ 0'));
    for (const field of ['date', 'population'] as const) textField(body, field, issues, true);
    if (typeof body.date === 'string' && !DATE_RE.test(body.date))
      issues.push(
        issue('date', 'date AAAA, AAAA-MM ou AAAA-MM-JJ', 'expected YYYY, YYYY-MM or YYYY-MM-DD'),
      );
    const source = body.source;
    if (typeof source !== 'object' || source === null || Array.isArray(source)) {
      issues.push(
        issue(
          'source',
          'une valeur sans source n’est pas utilisée : donnez sa source (titre, éditeur, date)',
          'a value without a source is not used: give its source (title, publisher, published)',
        ),
      );
    } else {
      const s = source as Record<string, unknown>;
      for (const field of ['title', 'publisher', 'published'] as const)
        textField(s, field, issues, true, 'source.');
      textField(s, 'url', issues, false, 'source.');
      if (typeof s.published === 'string' && !DATE_RE.test(s.published))
        issues.push(
          issue(
            'source.published',
            'date AAAA, AAAA-MM ou AAAA-MM-JJ',
            'expected YYYY, YYYY-MM or YYYY-MM-DD',
          ),
        );
    }
    if (issues.length > 0) throw invalidImpactInput(issues);
    const s = source as Record<string, string>;
    await this.dataSource.getRepository(ImpactReferenceOverride).save({
      organisationId: principal.organisationId,
      referenceId: id,
      value: body.value as number,
      valueDate: body.date as string,
      population: (body.population as string).trim(),
      sourceTitle: s.title.trim(),
      sourcePublisher: s.publisher.trim(),
      sourceUrl: s.url?.trim() || null,
      sourcePublished: s.published,
    });
    return (await this.references(principal)).find((r) => r.id === id) as ImpactReference;
  }

  async removeReference(principal: Principal, id: string): Promise<void> {
    await this.dataSource
      .getRepository(ImpactReferenceOverride)
      .delete({ organisationId: principal.organisationId, referenceId: id });
  }

  /** One dossier's report, for every funder of its plan. */
  async applicationReport(principal: Principal, id: string): Promise<ImpactReport> {
    const input = await this.applications.input(principal, id);
    const [app] = await this.reportApplications(principal, [input]);
    return buildImpactReport({
      scope: { kind: 'application' },
      title: input.title,
      applications: [app],
      asOfMonth: this.clock.month(),
      indicators: await this.definitions(principal, [input]),
      references: await this.references(principal),
      estimates: this.referenceFile.estimates,
    });
  }

  /**
   * One funder across the organisation's dossiers whose operation meets the period: the funder
   * named as in the funding lines (case and accents ignored).
   */
  async funderReport(principal: Principal, query: Record<string, unknown>): Promise<ImpactReport> {
    const issues: ImpactIssue[] = [];
    const funder = typeof query.funder === 'string' ? query.funder.trim() : '';
    if (!funder) issues.push(issue('funder', 'nom du financeur attendu', 'funder name required'));
    for (const field of ['from', 'to'] as const)
      if (!isMonth(query[field]))
        issues.push(issue(field, 'mois attendu au format AAAA-MM', 'expected a month YYYY-MM'));
    if (issues.length === 0 && (query.from as string) > (query.to as string))
      issues.push(issue('to', 'la fin précède le début', 'ends before it starts'));
    if (
      issues.length === 0 &&
      toMonthIndex(query.to as string) - toMonthIndex(query.from as string) >= PROJECTION_MONTHS
    )
      issues.push(issue('to', 'période de 10 ans au plus', 'period of 10 years at most'));
    if (issues.length > 0) throw invalidImpactInput(issues);
    const from = query.from as string;
    const to = query.to as string;
    const rows = await this.dataSource.getRepository(Application).find({
      where: { organisationId: principal.organisationId },
      order: { operationStart: 'ASC', createdAt: 'ASC' },
    });
    const inputs: ApplicationInput[] = [];
    for (const row of rows) {
      if (row.operationStart.slice(0, 7) > to || row.operationEnd.slice(0, 7) < from) continue;
      const input = await this.applications.input(principal, row.id);
      const lines = input.fundingLines.filter((l) => normalise(l.funder) === normalise(funder));
      if (lines.length > 0) inputs.push({ ...input, fundingLines: lines });
    }
    if (inputs.length === 0)
      throw invalidImpactInput([
        issue(
          'funder',
          `aucun dossier financé par « ${funder} » sur la période`,
          `no dossier funded by "${funder}" in the period`,
        ),
      ]);
    const apps = await this.reportApplications(principal, inputs);
    const name = inputs[0].fundingLines[0].funder;
    return buildImpactReport({
      scope: { kind: 'funder', funder: name, from, to },
      title: `${name}, ${from} à ${to}`,
      applications: apps.map((a) => ({
        ...a,
        lines: a.lines.filter((l) => normalise(l.funder) === normalise(funder)),
      })),
      asOfMonth: this.clock.month(),
      indicators: await this.definitions(principal, inputs),
      references: await this.references(principal),
      estimates: this.referenceFile.estimates,
    });
  }

  async applicationReportXlsx(principal: Principal, id: string): Promise<ImpactFile> {
    const report = await this.applicationReport(principal, id);
    return {
      filename: `rapport-financeur-${slug(report.title)}.xlsx`,
      contentType: XLSX,
      body: await impactReportToXlsx(report),
    };
  }

  async funderReportXlsx(
    principal: Principal,
    query: Record<string, unknown>,
  ): Promise<ImpactFile> {
    const report = await this.funderReport(principal, query);
    return {
      filename: `rapport-${slug(report.funders[0]?.funder ?? 'financeur')}-${report.from}-${report.to}.xlsx`,
      contentType: XLSX,
      body: await impactReportToXlsx(report),
    };
  }

  /** Distinct funder names of the organisation's plans, for the report form. */
  async funderNames(principal: Principal): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT fl.funder FROM funding_line fl JOIN application a ON a.id = fl.application_id
        WHERE a.organisation_id = $1 AND fl.kind <> ALL($2) ORDER BY fl.funder`,
      [principal.organisationId, NOT_FUNDERS],
    )) as { funder: string }[];
    return rows.map((r) => r.funder);
  }

  private async store(
    applicationId: string,
    entries: ReturnType<typeof checkActivityEntries>['entries'],
  ): Promise<ActivityEntryView[]> {
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        entries.map((e) =>
          manager.create(ActivityEntry, {
            applicationId,
            indicatorKey: e.indicator,
            periodStart: e.from,
            periodEnd: e.to,
            count: e.count,
            note: e.note ?? null,
          }),
        ),
      );
      return saved.map(entryView);
    });
  }

  private async entryContext(principal: Principal, app: Application) {
    const keys = new Set((await this.indicators(principal)).map((i) => i.key));
    for (const target of app.indicators as StoredIndicator[]) keys.add(target.key);
    return {
      knownIndicators: keys,
      operationStart: app.operationStart,
      operationEnd: app.operationEnd,
    };
  }

  /** Catalogue, organisation, then the dossiers' own targets not in either (labelled by the dossier). */
  private async definitions(
    principal: Principal,
    inputs: ApplicationInput[],
  ): Promise<IndicatorDefinition[]> {
    const known = await this.indicators(principal);
    const targets = await this.dataSource.getRepository(Application).find({
      where: { id: In(inputs.map((i) => i.id as string)) },
      select: { id: true, indicators: true },
    });
    for (const app of targets)
      for (const t of app.indicators)
        if (!known.some((k) => k.key === t.key))
          known.push({
            key: t.key,
            label: t.label ?? t.key,
            unit: 'nombre',
            definition: t.label ?? t.key,
            askedBy: [],
            origin: 'dossier',
          });
    return known;
  }

  /** Each dossier's targets, entries, funders and their payments from the treasury projection. */
  private async reportApplications(
    principal: Principal,
    inputs: ApplicationInput[],
  ): Promise<ReportApplication[]> {
    const ids = inputs.map((i) => i.id as string);
    const [entries, stored] = await Promise.all([
      this.dataSource.getRepository(ActivityEntry).find({ where: { applicationId: In(ids) } }),
      this.dataSource
        .getRepository(Application)
        .find({ where: { id: In(ids) }, select: { id: true, indicators: true } }),
    ]);
    const result: ReportApplication[] = [];
    for (const input of inputs) {
      const id = input.id as string;
      const lines = input.fundingLines.filter((l) => !NOT_FUNDERS.includes(l.kind));
      const start = toMonthIndex(input.operationStart);
      // The dossier's own plan as the treasury builds it: payments scheduled by the rules, or
      // recorded ones (explicit payments) verbatim; money is never recomputed here.
      const { projection } = await this.treasury.projectApplication(principal, id, {
        from: fromMonthIndex(start - MONTHS_BEFORE),
        months: PROJECTION_MONTHS,
        lines: true,
      });
      const payments = projection.months.flatMap((m) =>
        m.lines
          .filter((l) => l.fundingLineId !== null && l.applicationId === id)
          .map((l) => ({
            fundingLineId: l.fundingLineId as string,
            month: m.month,
            amountCents: l.direction === 'in' ? l.amountCents : -l.amountCents,
          })),
      );
      result.push({
        id,
        title: input.title,
        operationStart: input.operationStart.slice(0, 7),
        operationEnd: input.operationEnd.slice(0, 7),
        totalCostCents: input.totalCostCents,
        targets: (stored.find((s) => s.id === id)?.indicators ?? []).map((t) => ({
          key: t.key,
          ...(t.label ? { label: t.label } : {}),
          planned: t.planned,
        })),
        entries: entries
          .filter((e) => e.applicationId === id)
          .map((e) => ({
            indicator: e.indicatorKey,
            from: e.periodStart,
            to: e.periodEnd,
            count: e.count,
          })),
        lines: lines.map((l) => ({
          id: l.id as string,
          funder: l.funder,
          kind: l.kind,
          amountCents: l.amountCents,
        })),
        payments,
      });
    }
    return result;
  }
}

function ownDefinition(row: OrganisationIndicator): IndicatorDefinition {
  return {
    key: row.key,
    label: row.label,
    unit: row.unit,
    definition: row.definition,
    askedBy: row.askedBy ? [{ funder: row.askedBy, programme: '', reference: '' }] : [],
    origin: 'organisation',
  };
}

function entryView(e: ActivityEntry): ActivityEntryView {
  return {
    id: e.id,
    indicator: e.indicatorKey,
    from: e.periodStart,
    to: e.periodEnd,
    count: e.count,
    note: e.note,
  };
}

function issue(path: string, message: string, messageEn: string): ImpactIssue {
  return { path, message, messageEn };
}

function textField(
  body: Record<string, unknown>,
  field: string,
  issues: ImpactIssue[],
  required: boolean,
  prefix = '',
): void {
  const value = body[field];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (required) issues.push(issue(prefix + field, 'champ obligatoire', 'required'));
    return;
  }
  if (typeof value !== 'string' || value.length > MAX_TEXT)
    issues.push(
      issue(
        prefix + field,
        `texte de ${MAX_TEXT} caractères au plus`,
        `text of at most ${MAX_TEXT} characters`,
      ),
    );
}

/** Case, accents and spacing ignored: « france travail » is « France Travail ». */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function slug(title: string): string {
  return (
    normalise(title)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'rapport'
  );
}
