import { Call, CallStatus, OrganisationCallState } from '@app/persistence';
import { TenancyException } from '@app/tenancy';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

export interface CallStatePatch {
  status?: CallStatus;
  notes?: string;
  follow?: boolean;
}

/** An organisation's private status, notes and follow flag on a call. */
@Injectable()
export class CallStateService {
  constructor(
    @InjectRepository(OrganisationCallState)
    private readonly states: Repository<OrganisationCallState>,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
  ) {}

  async get(organisationId: string, callId: string): Promise<OrganisationCallState> {
    await this.assertCall(callId);
    return (
      (await this.states.findOneBy({ organisationId, callId })) ??
      this.states.create({ organisationId, callId, status: 'new', notes: '', follow: false })
    );
  }

  async update(
    organisationId: string,
    callId: string,
    patch: CallStatePatch,
  ): Promise<OrganisationCallState> {
    const current = await this.get(organisationId, callId);
    return this.states.save({ ...current, ...patch, organisationId, callId });
  }

  list(organisationId: string, status?: CallStatus): Promise<OrganisationCallState[]> {
    return this.states.find({
      where: status ? { organisationId, status } : { organisationId },
      order: { updatedAt: 'DESC' },
    });
  }

  private async assertCall(callId: string): Promise<void> {
    if (!(await this.calls.existsBy({ id: callId }))) {
      throw TenancyException.notFound('Appel à projets / call');
    }
  }
}
