import { normaliseTerritories } from '@app/common';
import { isLegalForm } from '@app/eligibility';
import { ApiKey, Membership, Organisation, OrganisationKind, User } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { ApiKeyService } from './api-key.service';
import { Principal } from './principal';
import { TenancyException, TenancyExceptionCode } from './tenancy.exception';

export interface CreateOrganisationInput {
  name: string;
  kind: OrganisationKind;
  territory: string[];
  /** One of @app/eligibility's LEGAL_FORMS; unset when absent. */
  legalForm?: string | null;
  ownerEmail?: string;
  ownerName?: string;
}

export interface CreatedOrganisation {
  organisation: Organisation;
  owner: User;
  membership: Membership;
  /** The owner's first API key, shown once. */
  apiKey: string;
}

export interface OrganisationPatch {
  name?: string;
  territory?: string[];
  /** One of @app/eligibility's LEGAL_FORMS, or null to unset. */
  legalForm?: string | null;
}

const KINDS: readonly OrganisationKind[] = ['structure', 'collectif'];

@Injectable()
export class OrganisationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly apiKeys: ApiKeyService,
  ) {}

  /** Creates the organisation, its owner and the owner's first API key in one transaction. */
  async create(input: CreateOrganisationInput): Promise<CreatedOrganisation> {
    const name = input.name.trim();
    if (!name) throw invalid('le nom est vide / name is empty');
    if (!KINDS.includes(input.kind)) {
      throw invalid(`type « ${input.kind} » inconnu (structure | collectif) / unknown kind`);
    }
    const territory = territories(input.territory);
    const legalForm = legalFormOf(input.legalForm ?? null);
    const email = input.ownerEmail?.trim().toLowerCase() || null;
    return this.dataSource.transaction(async (manager) => {
      if (email && (await manager.findOne(User, { where: { email } }))) {
        throw new TenancyException(
          TenancyExceptionCode.EMAIL_TAKEN,
          `L’adresse ${email} a déjà un compte / ${email} already has an account`,
        );
      }
      const organisation = await manager.save(
        manager.create(Organisation, { name, kind: input.kind, territory, legalForm }),
      );
      const owner = await manager.save(
        manager.create(User, { email, displayName: input.ownerName?.trim() || null }),
      );
      const membership = await manager.save(
        manager.create(Membership, {
          userId: owner.id,
          organisationId: organisation.id,
          role: 'owner',
        }),
      );
      const { apiKey } = await this.apiKeys.issue(
        membership.id,
        'Clé initiale du propriétaire',
        manager.getRepository(ApiKey),
      );
      return { organisation, owner, membership, apiKey };
    });
  }

  /** An organisation the principal belongs to; any other id is "not found", never "forbidden". */
  async findVisible(principal: Principal, id: string): Promise<Organisation> {
    if (id !== principal.organisationId) throw TenancyException.notFound('Organisation');
    const organisation = await this.organisations.findOne({ where: { id } });
    if (!organisation) throw TenancyException.notFound('Organisation');
    return organisation;
  }

  async update(principal: Principal, patch: OrganisationPatch): Promise<Organisation> {
    const organisation = await this.findVisible(principal, principal.organisationId);
    if (patch.name !== undefined) {
      if (!patch.name.trim()) throw invalid('le nom est vide / name is empty');
      organisation.name = patch.name.trim();
    }
    if (patch.territory !== undefined) organisation.territory = territories(patch.territory);
    if (patch.legalForm !== undefined) organisation.legalForm = legalFormOf(patch.legalForm);
    return this.organisations.save(organisation);
  }
}

function legalFormOf(value: string | null): string | null {
  if (value !== null && !isLegalForm(value)) {
    throw invalid(`forme juridique « ${value} » inconnue / unknown legalForm`, {
      field: 'legalForm',
    });
  }
  return value;
}

function territories(codes: string[]): string[] {
  try {
    return normaliseTerritories(codes);
  } catch (error) {
    throw invalid((error as Error).message, { field: 'territory' });
  }
}

function invalid(message: string, details?: Record<string, unknown>): TenancyException {
  return new TenancyException(TenancyExceptionCode.INVALID_ORGANISATION, message, details);
}
