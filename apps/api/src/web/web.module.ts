import { AccountModule } from '@app/account';
import { ClassificationModule } from '@app/classifier';
import { EligibilityModule } from '@app/eligibility';
import { ImpactModule } from '@app/impact';
import { TenancyModule } from '@app/tenancy';
import { TreasuryModule } from '@app/treasury';
import { WatchModule } from '@app/watch';
import { Module } from '@nestjs/common';
import { AuthPageController } from './auth-page.controller';
import { CallApplicationPageController } from './call/call-application-page.controller';
import { CallPageController } from './call/call-page.controller';
import { ThesaurusLabelService } from './call/thesaurus-label.service';
import { WebCallDetailQuery } from './call/web-call-detail.query';
import { WebCallQuery } from './call/web-call.query';
import { CollectifCurationController } from './collectif/collectif-curation.controller';
import { CollectifMemberController } from './collectif/collectif-member.controller';
import { CollectifPageController } from './collectif/collectif-page.controller';
import { CollectifPageQuery } from './collectif/collectif-page.query';
import { CollectifPageService } from './collectif/collectif-page.service';
import { DashboardPageController } from './dashboard/dashboard-page.controller';
import { DossierDetailPageController } from './dossier/dossier-detail-page.controller';
import { DossierDetailRenderer } from './dossier/dossier-detail.renderer';
import { DossierLinePageController } from './dossier/dossier-line-page.controller';
import { DossierListQuery } from './dossier/dossier-list.query';
import { DossierPageController } from './dossier/dossier-page.controller';
import { DossierPageService } from './dossier/dossier-page.service';
import { DashboardQuery } from './dashboard/dashboard.query';
import { DigestLinkPageController } from './digest/digest-link-page.controller';
import { ImpactPageController } from './impact/impact-page.controller';
import { SourceHealthQuery } from './source/source-health.query';
import { SourcePageController } from './source/source-page.controller';
import { TeamPageController } from './team/team-page.controller';
import { TreasuryPageController } from './treasury/treasury-page.controller';
import { TreasuryPageQuery } from './treasury/treasury-page.query';
import { TreasuryPageService } from './treasury/treasury-page.service';
import { UnroutedPageRenderer } from './unrouted-page.renderer';
import { WebExceptionFilter } from './web-exception.filter';
import { WebPageContextService } from './web-page-context.service';
import { WebSessionGuard } from './web-session.guard';
import { WebViewService } from './web-view.service';
import { WatchFeedPageController } from './watch/watch-feed-page.controller';
import { WatchPageController } from './watch/watch-page.controller';
import { WatchPageQuery } from './watch/watch-page.query';
import { WatchPageService } from './watch/watch-page.service';

/** The French web application: server-rendered pages (issue 7). */
@Module({
  imports: [
    AccountModule,
    ClassificationModule,
    EligibilityModule,
    TenancyModule,
    TreasuryModule,
    WatchModule,
    ImpactModule,
  ],
  controllers: [
    ImpactPageController,
    AuthPageController,
    DigestLinkPageController,
    DashboardPageController,
    CallApplicationPageController,
    CallPageController,
    SourcePageController,
    TeamPageController,
    TreasuryPageController,
    CollectifPageController,
    CollectifCurationController,
    CollectifMemberController,
    WatchPageController,
    WatchFeedPageController,
    // Static paths (/dossiers/etapes, /dossiers/nouveau) before /dossiers/:id.
    DossierPageController,
    DossierDetailPageController,
    DossierLinePageController,
  ],
  providers: [
    WebViewService,
    TreasuryPageService,
    TreasuryPageQuery,
    WebPageContextService,
    WebSessionGuard,
    WebExceptionFilter,
    UnroutedPageRenderer,
    ThesaurusLabelService,
    WebCallQuery,
    WebCallDetailQuery,
    DashboardQuery,
    SourceHealthQuery,
    CollectifPageQuery,
    CollectifPageService,
    WatchPageQuery,
    WatchPageService,
    DossierListQuery,
    DossierPageService,
    DossierDetailRenderer,
  ],
})
export class WebModule {}
