import { normaliseTerritories } from '@app/common';
import { Classifier, EU_FUND_IDS } from '@app/classifier';
import { WatchProfile } from '@app/persistence';
import { TenancyException } from '@app/tenancy';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { WatchMatchService } from '../match/watch-match.service';
import { AUDIENCE_IDS } from '../watch.constants';
import {
  DigestConsentService,
  DigestRecipientView,
  profileSubjectKey,
} from '../digest/digest-consent.service';
import { normalisedRecipients } from '../digest/digest-recipient.util';
import { markDigestDue } from '../digest/digest-schedule.util';
import { WatchException } from '../watch.exception';
import { WatchProfileInput } from './watch-profile.types';

const trimmedUnique = (values: string[]) => [
  ...new Set(values.map((value) => value.trim()).filter(Boolean)),
];

/** Profiles of the caller's organisation; each edit re-matches the profile at once. */
@Injectable()
export class WatchProfileService {
  private themeIds: Promise<readonly string[]> | null = null;

  constructor(
    @InjectRepository(WatchProfile) private readonly profiles: Repository<WatchProfile>,
    private readonly matches: WatchMatchService,
    private readonly consents: DigestConsentService,
  ) {}

  list(organisationId: string): Promise<WatchProfile[]> {
    return this.profiles.find({ where: { organisationId }, order: { createdAt: 'ASC' } });
  }

  /** Another organisation's profile is answered exactly like a missing one. */
  async get(organisationId: string, id: string): Promise<WatchProfile> {
    const profile = await this.profiles.findOneBy({ id, organisationId });
    if (!profile) throw TenancyException.notFound('Profil de veille / watch profile');
    return profile;
  }

  async create(organisationId: string, input: WatchProfileInput): Promise<WatchProfile> {
    const fields = await this.validated(input);
    const profile = await this.profiles.save(
      this.profiles.create({ name: 'Ma veille', ...fields, organisationId }),
    );
    await this.syncConsents(organisationId, profile.id, fields.digestRecipients);
    await markDigestDue(this.profiles.manager, profileSubjectKey(profile.id));
    await this.matches.refreshProfile(profile.id);
    return this.get(organisationId, profile.id);
  }

  async update(
    organisationId: string,
    id: string,
    input: WatchProfileInput,
  ): Promise<WatchProfile> {
    const profile = await this.get(organisationId, id);
    const fields = await this.validated(input);
    await this.profiles.save({ ...profile, ...fields });
    await this.syncConsents(organisationId, id, fields.digestRecipients);
    await markDigestDue(this.profiles.manager, profileSubjectKey(id));
    await this.matches.refreshProfile(id);
    return this.get(organisationId, id);
  }

  async remove(organisationId: string, id: string): Promise<void> {
    const profile = await this.get(organisationId, id);
    await this.profiles.delete({ id: profile.id });
    await this.consents.forget(profileSubjectKey(profile.id));
  }

  /** Each chosen digest address with where it stands (member, awaiting confirmation…). */
  recipientStatuses(profile: WatchProfile): Promise<DigestRecipientView[]> {
    return this.consents.views(
      profile.organisationId,
      profileSubjectKey(profile.id),
      profile.digestRecipients,
    );
  }

  /** Outside addresses newly chosen are asked to confirm before they get anything. */
  private async syncConsents(organisationId: string, id: string, recipients?: string[]) {
    if (recipients === undefined) return;
    await this.consents.sync(organisationId, profileSubjectKey(id), recipients, new Date());
  }

  /** Refuses unknown codes, naming the field and the value, before anything is stored. */
  private async validated(input: WatchProfileInput): Promise<Partial<WatchProfile>> {
    const fields: Partial<WatchProfile> = { ...input } as Partial<WatchProfile>;
    if (input.name !== undefined) fields.name = input.name.trim();
    if (input.themes) {
      const known = await this.knownThemes();
      fields.themes = trimmedUnique(input.themes);
      const unknown = fields.themes.find((theme) => !known.includes(theme));
      if (unknown) throw WatchException.invalidProfile('themes', unknown, known.join(', '));
    }
    if (input.territories) {
      try {
        fields.territories = normaliseTerritories(input.territories);
      } catch (error) {
        const bad = input.territories.find((code) => {
          try {
            normaliseTerritories([code]);
            return false;
          } catch {
            return true;
          }
        });
        throw WatchException.invalidProfile(
          'territories',
          bad ?? String(error),
          'a commune such as 63113, an EPCI SIREN such as 246300701, a département such as 75 or 2A, a région such as R84, or FR',
        );
      }
    }
    if (input.audiences) {
      fields.audiences = trimmedUnique(input.audiences);
      const unknown = fields.audiences.find((audience) => !AUDIENCE_IDS.includes(audience));
      if (unknown)
        throw WatchException.invalidProfile('audiences', unknown, AUDIENCE_IDS.join(', '));
    }
    if (input.euFunds) {
      fields.euFunds = trimmedUnique(input.euFunds);
      const unknown = fields.euFunds.find(
        (fund) => !(EU_FUND_IDS as readonly string[]).includes(fund),
      );
      if (unknown) throw WatchException.invalidProfile('euFunds', unknown, EU_FUND_IDS.join(', '));
    }
    if (input.includeKeywords) fields.includeKeywords = trimmedUnique(input.includeKeywords);
    if (input.excludeKeywords) fields.excludeKeywords = trimmedUnique(input.excludeKeywords);
    if (input.digestRecipients) {
      fields.digestRecipients = normalisedRecipients(input.digestRecipients);
    }
    return fields;
  }

  private knownThemes(): Promise<readonly string[]> {
    this.themeIds ??= Classifier.load().then((classifier) => classifier.themeIds);
    return this.themeIds;
  }
}
