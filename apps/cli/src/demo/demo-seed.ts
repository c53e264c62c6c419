import { Membership, Organisation } from '@app/persistence';
import { ApiKeyService, OrganisationService } from '@app/tenancy';
import { INestApplicationContext } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

export const DEMO_STRUCTURE_NAME = 'EPN Les Olympiades (démo)';

export interface DemoSeed {
  organisationId: string;
  organisationName: string;
  apiKey: string;
}

/**
 * Creates the demo structure on the first run; later runs keep its data and issue a fresh key
 * (keys are stored hashed, so the previous one cannot be shown again).
 */
export async function seedDemo(app: INestApplicationContext): Promise<DemoSeed> {
  const organisations = app.get<Repository<Organisation>>(getRepositoryToken(Organisation));
  const memberships = app.get<Repository<Membership>>(getRepositoryToken(Membership));
  const existing = await organisations.findOne({ where: { name: DEMO_STRUCTURE_NAME } });
  if (!existing) {
    const created = await app.get(OrganisationService).create({
      name: DEMO_STRUCTURE_NAME,
      kind: 'structure',
      territory: ['75'],
      // An EPN run by an association: calls « réservé aux entreprises » say so on its pages.
      legalForm: 'association',
      ownerEmail: 'direction@epn-olympiades.demo',
      ownerName: 'Direction de l’EPN',
    });
    return {
      organisationId: created.organisation.id,
      organisationName: created.organisation.name,
      apiKey: created.apiKey,
    };
  }
  // Demo data from before legal forms: give it one, so eligibility shows.
  if (!existing.legalForm)
    await organisations.update({ id: existing.id }, { legalForm: 'association' });
  const owner = await memberships.findOneOrFail({
    where: { organisationId: existing.id, role: 'owner' },
  });
  const issued = await app.get(ApiKeyService).issue(owner.id, `Démo ${new Date().toISOString()}`);
  return { organisationId: existing.id, organisationName: existing.name, apiKey: issued.apiKey };
}
