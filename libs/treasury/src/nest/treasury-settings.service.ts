import { TreasurySettingsRecord } from '@app/persistence';
import { Principal } from '@app/tenancy';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { validateTreasurySettings } from '../application.validator';
import type { TreasurySettings } from '../treasury.types';
import { invalidInput, staleVersion } from './application-input.error';
import { compact } from './application-record.util';
import { Clock } from '@app/common';

export interface TreasurySettingsView extends TreasurySettings {
  /** 0 until the settings are first saved. */
  version: number;
  /** False while the organisation runs on the defaults (opening balance 0, no recurring flows). */
  configured: boolean;
}

/** Opening balance, recurring flows and cash threshold of an organisation; defaults until its accountant sets them. */
@Injectable()
export class TreasurySettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async get(organisationId: string): Promise<TreasurySettingsView> {
    const stored = await this.dataSource
      .getRepository(TreasurySettingsRecord)
      .findOne({ where: { organisationId } });
    return stored ? view(stored) : defaults(this.clock.month());
  }

  /** Replaces the settings; with `expectedVersion`, refuses (409) when someone saved in between. */
  async put(
    principal: Principal,
    body: Record<string, unknown>,
    expectedVersion?: number,
  ): Promise<TreasurySettingsView> {
    const { version: _ignored, ...input } = body;
    const candidate = { recurring: [], minimumCashCents: 0, ...compact(input) };
    const issues = validateTreasurySettings(candidate);
    if (issues.length > 0) throw invalidInput(issues);
    const settings = candidate as unknown as TreasurySettings;
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO treasury_settings (organisation_id, opening_balance_cents, opening_month, recurring, minimum_cash_cents, version)
         VALUES ($1, $2, $3, $4::jsonb, $5, 1)
         ON CONFLICT (organisation_id) DO UPDATE SET
           opening_balance_cents = EXCLUDED.opening_balance_cents, opening_month = EXCLUDED.opening_month,
           recurring = EXCLUDED.recurring, minimum_cash_cents = EXCLUDED.minimum_cash_cents,
           version = treasury_settings.version + 1, updated_at = now()
         WHERE $6::integer IS NULL OR treasury_settings.version = $6::integer
         RETURNING version`,
        [
          principal.organisationId,
          settings.openingBalanceCents,
          settings.openingMonth,
          JSON.stringify(settings.recurring.map(compact)),
          settings.minimumCashCents,
          expectedVersion ?? null,
        ],
      )) as { version: number }[];
      if (!row)
        throw staleVersion(
          (await this.get(principal.organisationId)).version,
          expectedVersion as number,
        );
      return {
        ...settings,
        recurring: settings.recurring.map(compact),
        version: row.version,
        configured: true,
      };
    });
  }
}

function view(stored: TreasurySettingsRecord): TreasurySettingsView {
  return {
    openingBalanceCents: stored.openingBalanceCents,
    openingMonth: stored.openingMonth,
    recurring: stored.recurring,
    minimumCashCents: stored.minimumCashCents,
    version: stored.version,
    configured: true,
  };
}

function defaults(openingMonth: string): TreasurySettingsView {
  return {
    openingBalanceCents: 0,
    openingMonth,
    recurring: [],
    minimumCashCents: 0,
    version: 0,
    configured: false,
  };
}
