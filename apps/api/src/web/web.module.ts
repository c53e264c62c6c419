import { AccountModule } from '@app/account';
import { ClassificationModule } from '@app/classifier';
import { TreasuryModule } from '@app/treasury';
import { WatchModule } from '@app/watch';
import { Module } from '@nestjs/common';
import { AuthPageController } from './auth-page.controller';
import { CallApplicationPageController } from './call/call-application-page.controller';
import { CallPageController } from './call/call-page.controller';
import { ThesaurusLabelService } from './call/thesaurus-label.service';
import { WebCallDetailQuery } from './call/web-call-detail.query';
import { WebCallQuery } from './call/web-call.query';
import { ComingSoonPageController } from './coming-soon-page.controller';
import { DashboardPageController } from './dashboard/dashboard-page.controller';
import { DashboardQuery } from './dashboard/dashboard.query';
import { SourceHealthQuery } from './source/source-health.query';
import { SourcePageController } from './source/source-page.controller';
import { TeamPageController } from './team/team-page.controller';
import { UnroutedPageRenderer } from './unrouted-page.renderer';
import { WebExceptionFilter } from './web-exception.filter';
import { WebPageContextService } from './web-page-context.service';
import { WebSessionGuard } from './web-session.guard';
import { WebViewService } from './web-view.service';

/** The French web application: server-rendered pages (issue 7). */
@Module({
  imports: [AccountModule, ClassificationModule, TreasuryModule, WatchModule],
  controllers: [
    AuthPageController,
    DashboardPageController,
    CallApplicationPageController,
    CallPageController,
    SourcePageController,
    TeamPageController,
    ComingSoonPageController,
  ],
  providers: [
    WebViewService,
    WebPageContextService,
    WebSessionGuard,
    WebExceptionFilter,
    UnroutedPageRenderer,
    ThesaurusLabelService,
    WebCallQuery,
    WebCallDetailQuery,
    DashboardQuery,
    SourceHealthQuery,
  ],
})
export class WebModule {}
