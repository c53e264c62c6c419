import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

type Body = Record<string, unknown>;

let counter = 0;

/**
 * The reference scenario of the treasury library's tests: 120 000 € over 2026 (10 000 €/month),
 * 72 000 € FSE+ (60 %, mainland, agreement signed 2025-12-15, 30 % advance) + 48 000 € self-funding.
 */
export function fseApplicationBody(overrides: Body = {}): Body {
  counter++;
  return {
    title: `Parcours numériques vers l’emploi ${counter}`,
    status: 'in_progress',
    operationStart: '2026-01',
    operationEnd: '2026-12',
    totalCostCents: 12_000_000,
    euArea: 'mainland',
    fundingLines: [
      {
        funder: 'Département du Puy-de-Dôme (FSE+)',
        kind: 'FSE_PLUS',
        amountCents: 7_200_000,
        status: 'granted',
        signedAt: '2025-12-15',
      },
      { funder: 'Fonds propres', kind: 'SELF_FUNDING', amountCents: 4_800_000, status: 'granted' },
    ],
    ...overrides,
  };
}

/** A small idea with no funding line yet (what a member may create). */
export function ideaBody(overrides: Body = {}): Body {
  counter++;
  return {
    title: `Atelier numérique seniors ${counter}`,
    operationStart: '2027-01',
    operationEnd: '2027-06',
    totalCostCents: 1_500_000,
    ...overrides,
  };
}

/** POSTs an application and returns the stored view; fails the test on anything but 201. */
export async function createApplication(
  app: INestApplication,
  apiKey: string,
  body: Body,
): Promise<Body & { id: string; version: number }> {
  const response = await request(app.getHttpServer())
    .post('/api/applications')
    .set('Authorization', `Bearer ${apiKey}`)
    .send(body);
  if (response.status !== 201)
    throw new Error(`POST /api/applications → ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Body & { id: string; version: number };
}
