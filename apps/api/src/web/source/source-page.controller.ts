import { BackgroundTaskStatusService } from '@app/persistence';
import { Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PageRoles, WebController } from '../web-page.decorator';
import { WebPageContextService } from '../web-page-context.service';
import type { SignedInRequest } from '../web-request.types';
import { WebViewService } from '../web-view.service';
import { frenchDuration } from '../french-format.util';
import { BACKGROUND_TASK_LABELS } from './background-task-label.constants';
import { SourceHealthQuery } from './source-health.query';

/** By any queue name: one created by a test or a script has no French name. */
const TASK_LABELS: Readonly<Record<string, string>> = BACKGROUND_TASK_LABELS;

const HEALTH_LABELS = {
  ok: 'En bonne santé',
  failing: 'En échec',
  suspect: 'Mise en page changée ?',
  disabled: 'Désactivée',
  never: 'Jamais lancée',
  waiting: 'En attente de son jeton',
};

/** « Sources » (administrators): health of each watched source, last run, errors. */
@WebController('sources')
export class SourcePageController {
  constructor(
    private readonly sources: SourceHealthQuery,
    private readonly context: WebPageContextService,
    private readonly views: WebViewService,
    private readonly tasks: BackgroundTaskStatusService,
  ) {}

  @Get()
  @PageRoles('owner')
  async show(@Req() request: SignedInRequest, @Res() response: Response): Promise<void> {
    const [layout, sources, errors, tasks] = await Promise.all([
      this.context.layout(request, 'Sources', 'sources'),
      this.sources.sources(),
      this.sources.recentErrors(),
      this.tasks.list(),
    ]);
    this.views.send(response, 'sources', {
      ...layout,
      sources,
      runErrors: errors,
      healthLabels: HEALTH_LABELS,
      tasks: tasks.map((task) => ({
        ...task,
        label: TASK_LABELS[task.task] ?? task.task,
        duration: frenchDuration(task.lastDurationMs),
      })),
    });
  }
}
