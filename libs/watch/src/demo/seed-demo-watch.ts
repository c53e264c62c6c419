import {
  CollectifMembership,
  Membership,
  Organisation,
  SharedPick,
  WatchProfile,
} from '@app/persistence';
import { ApiKeyService, OrganisationService } from '@app/tenancy';
import { INestApplicationContext } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CollectifService } from '../collectif/collectif.service';
import { FeedTokenService } from '../feed/feed-token.service';
import { FeedQuery } from '../feed/feed.query';
import { WatchMatchService } from '../match/watch-match.service';
import { WatchProfileService } from '../profile/watch-profile.service';

export interface FeedUrls {
  rss: string;
  atom: string;
  json: string;
  ics: string;
}

export interface DemoWatch {
  profileId: string;
  feeds: FeedUrls;
  collectifId: string;
  collectifApiKey: string;
  collectifFeeds: FeedUrls;
}

export const feedUrls = (baseUrl: string, token: string): FeedUrls => ({
  rss: `${baseUrl}/feeds/${token}.rss`,
  atom: `${baseUrl}/feeds/${token}.atom`,
  json: `${baseUrl}/feeds/${token}.json`,
  ics: `${baseUrl}/feeds/${token}.ics`,
});

/**
 * The demo's watch: a profile for the demo structure, and a collectif it belongs to whose
 * coordinators picked the profile's best calls; returns both feeds' addresses.
 */
const PROFILE_NAME = 'Médiation et inclusion numériques';
const COLLECTIF_NAME = 'Collectif Mednum (démo)';

function repository<T extends object>(
  app: INestApplicationContext,
  entity: new () => T,
): Repository<T> {
  return app.get<Repository<T>>(getRepositoryToken(entity));
}

/**
 * The demo's watch: a profile for the demo structure, and a collectif it belongs to whose
 * coordinators picked the profile's best calls; returns both feeds' addresses. A second demo
 * start reuses them (feed tokens are stored hashed, so fresh ones are issued).
 */
export async function seedDemoWatch(
  app: INestApplicationContext,
  options: { structureId: string; baseUrl: string },
): Promise<DemoWatch> {
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  await app.get(WatchMatchService).refresh();
  const profile = await demoProfile(app, options.structureId);
  const tokens = app.get(FeedTokenService);
  const profileToken = await tokens.issue(options.structureId, profile.id);
  const collectif = await demoCollectif(app);
  const collectifs = app.get(CollectifService);
  const memberships = repository(app, CollectifMembership);
  if (
    !(await memberships.findOne({
      where: { collectifId: collectif.id, memberId: options.structureId },
    }))
  ) {
    const invitation = await collectifs.invite(collectif.id, options.structureId);
    await collectifs.accept(options.structureId, invitation.id);
    await collectifs.updateSharing(options.structureId, invitation.id, {
      shareFollows: true,
      shareStatuses: true,
    });
  }
  if ((await repository(app, SharedPick).count({ where: { collectifId: collectif.id } })) === 0) {
    const best = await app
      .get(FeedQuery)
      .profileMatches(options.structureId, profile.id, { sort: 'score', limit: 3 });
    for (const [index, item] of best.items.entries()) {
      await collectifs.pick(collectif.id, {
        callId: item.callId,
        annotation: index === 0 ? 'Convient aux EPN ; candidature commune ?' : 'Convient aux EPN',
        jointBid: index === 0,
      });
    }
  }
  const collectifToken = await tokens.issue(collectif.id, null);
  return {
    profileId: profile.id,
    feeds: feedUrls(baseUrl, profileToken.token),
    collectifId: collectif.id,
    collectifApiKey: collectif.apiKey,
    collectifFeeds: feedUrls(baseUrl, collectifToken.token),
  };
}

async function demoProfile(
  app: INestApplicationContext,
  structureId: string,
): Promise<WatchProfile> {
  const existing = await repository(app, WatchProfile).findOne({
    where: { organisationId: structureId, name: PROFILE_NAME },
  });
  if (existing) return existing;
  return app.get(WatchProfileService).create(structureId, {
    name: PROFILE_NAME,
    themes: ['mediation_numerique', 'inclusion_numerique', 'dematerialisation'],
    excludeKeywords: ['machinisme agricole', 'voirie'],
    digestFrequency: 'weekly',
  });
}

async function demoCollectif(
  app: INestApplicationContext,
): Promise<{ id: string; apiKey: string }> {
  const existing = await repository(app, Organisation).findOne({ where: { name: COLLECTIF_NAME } });
  if (!existing) {
    const created = await app.get(OrganisationService).create({
      name: COLLECTIF_NAME,
      kind: 'collectif',
      territory: ['63'],
      legalForm: 'association',
    });
    return { id: created.organisation.id, apiKey: created.apiKey };
  }
  const owner = await repository(app, Membership).findOneOrFail({
    where: { organisationId: existing.id, role: 'owner' },
  });
  const issued = await app.get(ApiKeyService).issue(owner.id, `Démo ${new Date().toISOString()}`);
  return { id: existing.id, apiKey: issued.apiKey };
}
