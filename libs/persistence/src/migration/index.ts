import { MigrationInterface } from 'typeorm';
import { Initial1795469411220 } from './1795469411220-initial.migration';
import { AddCallsAndSources1795470495158 } from './1795470495158-add-calls-and-sources.migration';
import { AddApplicationsAndTreasury1795470774579 } from './1795470774579-add-applications-and-treasury.migration';
import { AddCallClassificationAndFeedback1795470795667 } from './1795470795667-add-call-classification-and-feedback.migration';
import { AddWatch1795470822345 } from './1795470822345-add-watch.migration';
import { AddWebAccounts1795471146413 } from './1795471146413-add-web-accounts.migration';
import { AddFeedbackTerms1795471967893 } from './1795471967893-add-feedback-terms.migration';
import { AddCallTextSearch1795477325746 } from './1795477325746-add-call-text-search.migration';
import { FeedVersionNotify1795477611556 } from './1795477611556-feed-version-notify.migration';
import { SharedPickCallIndex1795480094572 } from './1795480094572-shared-pick-call-index.migration';
import { AddCollectifDigest1795488137529 } from './1795488137529-add-collectif-digest.migration';
import { AddDigestConsent1796663644580 } from './1796663644580-add-digest-consent.migration';
import { CallSourceIdentityKey1796663792453 } from './1796663792453-call-source-identity-key.migration';
import { AddEligibility1796673291033 } from './1796673291033-add-eligibility.migration';
import { AddFundingLineClaims1796673918397 } from './1796673918397-add-funding-line-claims.migration';
import { AddActivityAndImpact1796680000000 } from './1796680000000-add-activity-and-impact.migration';
import { AddSharedPoliteness1796676000000 } from './1796676000000-add-shared-politeness.migration';
import { AddOrganisationCallScore1796673246754 } from './1796673246754-add-organisation-call-score.migration';
import { WatchAtNationalScale1796720000000 } from './1796720000000-watch-at-national-scale.migration';
import { LegalFormCallVerdict1796730000000 } from './1796730000000-legal-form-call-verdict.migration';
import { ReadSideIndexes1796740000000 } from './1796740000000-read-side-indexes.migration';
import { BoundedConnectorState1796750000000 } from './1796750000000-bounded-connector-state.migration';
import { WatchChangeOnContent1796760000000 } from './1796760000000-watch-change-on-content.migration';

/** Every migration in order, listed by hand (no globs). Never edit one that has run. */
export const migrations: Array<new () => MigrationInterface> = [
  Initial1795469411220,
  AddCallsAndSources1795470495158,
  AddApplicationsAndTreasury1795470774579,
  AddCallClassificationAndFeedback1795470795667,
  AddWatch1795470822345,
  AddWebAccounts1795471146413,
  AddFeedbackTerms1795471967893,
  AddCallTextSearch1795477325746,
  FeedVersionNotify1795477611556,
  SharedPickCallIndex1795480094572,
  AddCollectifDigest1795488137529,
  AddDigestConsent1796663644580,
  CallSourceIdentityKey1796663792453,
  AddOrganisationCallScore1796673246754,
  AddEligibility1796673291033,
  AddFundingLineClaims1796673918397,
  AddSharedPoliteness1796676000000,
  AddActivityAndImpact1796680000000,
  WatchAtNationalScale1796720000000,
  LegalFormCallVerdict1796730000000,
  ReadSideIndexes1796740000000,
  BoundedConnectorState1796750000000,
  WatchChangeOnContent1796760000000,
];
