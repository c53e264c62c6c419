import { addDays, Clock } from '@app/common';
import { VigieConfig } from '@app/config';
import { Application, Membership } from '@app/persistence';
import type { Principal } from '@app/tenancy';
import { ApplicationService, TreasurySettingsService } from '@app/treasury';
import { INestApplicationContext } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

/** `YYYY-MM` plus n months. */
function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Demo applications and treasury settings, dated from the current month so the projection always
 * shows something to act on: the FSE+ operation's spending outruns its 30 % advance, the cash
 * turns negative months before the balance arrives, and a filing deadline is close.
 * Idempotent: an organisation that already has applications is left as it is.
 */
export async function seedDemoTreasury(
  app: INestApplicationContext,
  organisationId: string,
): Promise<Record<string, unknown>> {
  const config = app.get(VigieConfig);
  const today = app.get(Clock).today();
  const month = today.slice(0, 7);
  const base = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}`;
  const summary = {
    treasury: `${base}/api/treasury?from=${month}&months=24`,
    treasuryExport: `${base}/api/treasury/export.xlsx?from=${month}&months=24`,
    applications: `${base}/api/applications`,
  };
  const applications = app.get<Repository<Application>>(getRepositoryToken(Application));
  if ((await applications.count({ where: { organisationId } })) > 0) return summary;

  const owner = await app
    .get<Repository<Membership>>(getRepositoryToken(Membership))
    .findOneOrFail({ where: { organisationId, role: 'owner' } });
  const principal: Principal = {
    organisationId,
    userId: owner.userId,
    membershipId: owner.id,
    role: 'owner',
  };
  await app.get(TreasurySettingsService).put(principal, {
    openingBalanceCents: 3_000_000,
    openingMonth: month,
    minimumCashCents: 1_000_000,
    recurring: [
      { label: 'Salaires et charges (hors projets)', direction: 'out', amountCents: 850_000 },
      {
        label: 'Subvention de fonctionnement – Ville de Paris',
        direction: 'in',
        amountCents: 300_000,
      },
      { label: 'Adhésions et prestations', direction: 'in', amountCents: 550_000 },
    ],
  });
  const service = app.get(ApplicationService);
  for (const body of demoApplications(month, today)) await service.create(principal, body);
  return summary;
}

function demoApplications(month: string, today: string): Record<string, unknown>[] {
  const fseStart = addMonths(month, 1);
  const leaderStart = addMonths(month, 3);
  return [
    {
      title: 'Parcours numériques vers l’emploi (FSE+)',
      status: 'agreement_signed',
      operationStart: fseStart,
      operationEnd: addMonths(fseStart, 11),
      totalCostCents: 12_000_000,
      euArea: 'ile_de_france_rhone_alpes',
      submittedAt: addDays(today, -120),
      indicators: [
        { key: 'people_accompanied', label: 'Personnes accompagnées', planned: 400 },
        { key: 'workshops', label: 'Ateliers collectifs', planned: 120 },
      ],
      tasks: [
        {
          label: 'Bilan intermédiaire FSE+',
          kind: 'interim_report',
          dueDate: `${addMonths(fseStart, 6)}-15`,
        },
      ],
      fundingLines: [
        {
          funder: 'FSE+ – programme national (DREETS Île-de-France)',
          kind: 'FSE_PLUS',
          // 40 %, the maximum rate in Île-de-France; the 30 % advance comes from the rules file.
          amountCents: 4_800_000,
          status: 'granted',
          signedAt: today,
        },
        {
          funder: 'Ville de Paris',
          kind: 'MUNICIPALITY',
          amountCents: 3_600_000,
          status: 'granted',
          signedAt: today,
        },
        {
          funder: 'Fonds propres',
          kind: 'SELF_FUNDING',
          amountCents: 3_600_000,
          status: 'granted',
        },
      ],
    },
    {
      title: 'Tiers-lieu numérique rural (LEADER)',
      status: 'granted',
      operationStart: leaderStart,
      operationEnd: addMonths(leaderStart, 9),
      totalCostCents: 4_000_000,
      euArea: 'ile_de_france_rhone_alpes',
      submittedAt: addDays(today, -60),
      fundingLines: [
        {
          funder: 'GAL – programme LEADER',
          kind: 'FEADER_LEADER',
          amountCents: 2_400_000,
          status: 'granted',
        },
        { funder: 'Région Île-de-France', kind: 'REGION', amountCents: 600_000, status: 'granted' },
        {
          funder: 'Fonds propres',
          kind: 'SELF_FUNDING',
          amountCents: 1_000_000,
          status: 'granted',
        },
      ],
    },
    {
      title: 'Ateliers seniors (fondation)',
      status: 'in_progress',
      operationStart: month,
      operationEnd: addMonths(month, 5),
      totalCostCents: 800_000,
      fundingLines: [
        {
          funder: 'Fondation pour l’inclusion numérique',
          kind: 'FOUNDATION',
          amountCents: 800_000,
          status: 'granted',
        },
      ],
    },
    {
      title: 'Conseillers numériques mutualisés',
      status: 'preparing',
      submissionDeadline: addDays(today, 10),
      operationStart: addMonths(month, 4),
      operationEnd: addMonths(month, 15),
      totalCostCents: 6_000_000,
      fundingLines: [
        {
          funder: 'État – ANCT',
          kind: 'CONSEILLER_NUMERIQUE',
          amountCents: 5_000_000,
          status: 'planned',
        },
      ],
    },
  ];
}
