import type { DigestFrequency } from '@app/persistence';

/** What a user writes to create or edit a profile; absent fields keep their value on edit. */
export interface WatchProfileInput {
  name?: string;
  themes?: string[];
  includeKeywords?: string[];
  excludeKeywords?: string[];
  territories?: string[];
  audiences?: string[];
  euFunds?: string[];
  minAmountCents?: number | null;
  minScore?: number | null;
  deadlineHorizonDays?: number | null;
  digestFrequency?: DigestFrequency;
  digestRecipients?: string[];
}

/** The stored profile fields matching reads. */
export interface ProfileCriteria {
  id: string;
  organisationId: string;
  themes: string[];
  includeKeywords: string[];
  excludeKeywords: string[];
  territories: string[];
  audiences: string[];
  euFunds: string[];
  minAmountCents: number | null;
  minScore: number | null;
  deadlineHorizonDays: number | null;
}

/** A profile turned into sets and normalised phrases once, so each call is checked cheaply. */
export interface CompiledProfile {
  id: string;
  organisationId: string;
  themes: ReadonlySet<string>;
  includes: ReadonlyArray<{ raw: string; normalised: string }>;
  excludes: ReadonlyArray<{ raw: string; normalised: string }>;
  /** Call territory codes that concern the profile's places; null = anywhere. */
  acceptedTerritories: ReadonlySet<string> | null;
  audiences: ReadonlySet<string> | null;
  euFunds: ReadonlySet<string> | null;
  minAmountCents: number | null;
  minScore: number | null;
  deadlineHorizonDays: number | null;
}

/** A call with its stored classification, ready to be checked against every profile. */
export interface MatchableCall {
  id: string;
  title: string;
  descriptionText: string;
  funders: string[];
  status: string;
  nextDeadline: string | null;
  rolling: boolean;
  amountMinCents: number | null;
  amountMaxCents: number | null;
  euFund: string | null;
  audiences: string[];
  territory: string[];
  classification: {
    score: number;
    themes: Array<{ id: string; score: number }>;
    euFund: string | null;
  } | null;
}

export interface MatchResult {
  profileId: string;
  organisationId: string;
  callId: string;
  score: number;
  reasons: string[];
}
