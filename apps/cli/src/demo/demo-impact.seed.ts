import { Clock } from '@app/common';
import { VigieConfig } from '@app/config';
import { ImpactService } from '@app/impact';
import { Application, Membership } from '@app/persistence';
import type { Principal } from '@app/tenancy';
import { ApplicationService } from '@app/treasury';
import { INestApplicationContext } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

export const DEMO_IMPACT_TITLE = 'Numérique vers l’emploi avec France Travail';

/** `YYYY-MM` plus n months. */
function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Month by month over the year just ended (oldest first): what the EPN's counsellors counted.
 * Returns to work are counted six months after the accompaniment, so they start in month 7.
 */
const MONTHLY: Record<string, number[]> = {
  people_accompanied: [12, 14, 15, 16, 13, 8, 6, 15, 18, 17, 16, 15],
  people_accompanied_first_time: [12, 11, 12, 11, 9, 5, 4, 11, 13, 12, 10, 10],
  accompaniment_hours: [88, 104, 112, 121, 96, 58, 41, 110, 135, 128, 119, 112],
  workshops: [6, 8, 9, 9, 8, 4, 2, 8, 10, 10, 9, 9],
  online_procedures: [31, 36, 40, 42, 35, 20, 15, 38, 47, 44, 41, 39],
  job_seekers_accompanied: [7, 8, 8, 9, 7, 4, 3, 8, 10, 9, 9, 8],
  job_seekers_employed_6m: [0, 0, 0, 0, 0, 0, 2, 2, 3, 2, 3, 2],
  people_autonomous: [0, 3, 4, 5, 5, 3, 2, 5, 6, 6, 6, 5],
  aidants_connect_mandates: [3, 4, 5, 4, 4, 2, 1, 4, 5, 5, 4, 4],
};

/**
 * One operation of the EPN that ran over the last twelve months, funded by France Travail and
 * the Département, with a year of monthly activity: a newcomer opens its funder's report and sees
 * paid and owed amounts, costs per person and per hour, and the estimated allowance avoided.
 * Idempotent: the operation is created once.
 */
export async function seedDemoImpact(
  app: INestApplicationContext,
  organisationId: string,
): Promise<Record<string, unknown>> {
  const config = app.get(VigieConfig);
  const month = app.get(Clock).month();
  const base = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}`;
  const applications = app.get<Repository<Application>>(getRepositoryToken(Application));
  let operation = await applications.findOne({
    where: { organisationId, title: DEMO_IMPACT_TITLE },
  });
  if (!operation) {
    const owner = await app
      .get<Repository<Membership>>(getRepositoryToken(Membership))
      .findOneOrFail({ where: { organisationId, role: 'owner' } });
    const principal: Principal = {
      organisationId,
      userId: owner.userId,
      membershipId: owner.id,
      role: 'owner',
    };
    const start = addMonths(month, -12);
    const created = await app.get(ApplicationService).create(principal, demoOperation(start));
    const entries = Object.entries(MONTHLY).flatMap(([indicator, counts]) =>
      counts.flatMap((count, i) =>
        count > 0 ? [{ indicator, from: addMonths(start, i), count }] : [],
      ),
    );
    await app.get(ImpactService).addActivity(principal, created.id, entries);
    operation = await applications.findOneByOrFail({ id: created.id });
  }
  return {
    impactReport: `${base}/dossiers/${operation.id}/rapport-financeur`,
    impactReportApi: `${base}/api/applications/${operation.id}/impact-report`,
  };
}

function demoOperation(start: string): Record<string, unknown> {
  const end = addMonths(start, 11);
  return {
    title: DEMO_IMPACT_TITLE,
    status: 'reporting',
    operationStart: start,
    operationEnd: end,
    totalCostCents: 6_000_000,
    indicators: [
      { key: 'people_accompanied', label: 'Personnes accompagnées', planned: 180 },
      { key: 'accompaniment_hours', label: 'Heures d’accompagnement', planned: 1_400 },
      { key: 'workshops', label: 'Ateliers collectifs', planned: 96 },
      { key: 'job_seekers_accompanied', label: 'Demandeurs d’emploi accompagnés', planned: 90 },
      { key: 'job_seekers_employed_6m', label: 'En emploi 6 mois après', planned: 20 },
    ],
    fundingLines: [
      {
        funder: 'France Travail',
        kind: 'OTHER',
        amountCents: 2_400_000,
        status: 'granted',
        // Recorded: 65 % on signature, the balance two months after the final report.
        schedule: {
          payments: [
            { month: start, amountCents: 1_560_000 },
            { month: addMonths(end, 3), amountCents: 840_000 },
          ],
        },
      },
      {
        funder: 'Conseil départemental',
        kind: 'DEPARTMENT',
        amountCents: 2_100_000,
        status: 'received',
        schedule: {
          payments: [
            { month: addMonths(start, 1), amountCents: 1_050_000 },
            { month: addMonths(start, 7), amountCents: 1_050_000 },
          ],
        },
      },
      { funder: 'Fonds propres', kind: 'SELF_FUNDING', amountCents: 1_500_000, status: 'granted' },
    ],
  };
}
