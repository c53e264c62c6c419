import { OrganisationService } from '@app/tenancy';
import { INestApplicationContext } from '@nestjs/common';
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
export async function seedDemoWatch(
  app: INestApplicationContext,
  options: { structureId: string; baseUrl: string },
): Promise<DemoWatch> {
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  await app.get(WatchMatchService).refresh();
  const profile = await app.get(WatchProfileService).create(options.structureId, {
    name: 'Médiation et inclusion numériques',
    themes: ['mediation_numerique', 'inclusion_numerique', 'dematerialisation'],
    excludeKeywords: ['machinisme agricole', 'voirie'],
    digestFrequency: 'weekly',
  });
  const tokens = app.get(FeedTokenService);
  const profileToken = await tokens.issue(options.structureId, profile.id);

  const created = await app.get(OrganisationService).create({
    name: 'Collectif Mednum (démo)',
    kind: 'collectif',
    territory: ['63'],
  });
  const collectifId = created.organisation.id;
  const collectifs = app.get(CollectifService);
  const invitation = await collectifs.invite(collectifId, options.structureId);
  await collectifs.accept(options.structureId, invitation.id);
  await collectifs.updateSharing(options.structureId, invitation.id, {
    shareFollows: true,
    shareStatuses: true,
  });
  const best = await app
    .get(FeedQuery)
    .profileMatches(options.structureId, profile.id, { sort: 'score', limit: 3 });
  for (const [index, item] of best.items.entries()) {
    await collectifs.pick(collectifId, {
      callId: item.callId,
      annotation: index === 0 ? 'Convient aux EPN ; candidature commune ?' : 'Convient aux EPN',
      jointBid: index === 0,
    });
  }
  const collectifToken = await tokens.issue(collectifId, null);
  return {
    profileId: profile.id,
    feeds: feedUrls(baseUrl, profileToken.token),
    collectifId,
    collectifApiKey: created.apiKey,
    collectifFeeds: feedUrls(baseUrl, collectifToken.token),
  };
}
