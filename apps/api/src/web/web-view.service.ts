import { projectRoot, VigieConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { Eta } from 'eta';
import type { Response } from 'express';
import { join } from 'node:path';
import {
  frenchAmount,
  frenchAmountRange,
  frenchDate,
  frenchDateTime,
  frenchMonthOf,
  frenchPercent,
} from './french-format.util';
import type { LayoutModel } from './web-view.types';

/** Templates live in the source tree: the build compiles only TypeScript. */
export const WEB_VIEW_DIR = join(projectRoot, 'apps', 'api', 'src', 'web', 'view');
export const WEB_STATIC_DIR = join(projectRoot, 'apps', 'api', 'src', 'web', 'static');

/** Helpers every template may call as `it.fmt.date(…)`. */
export const TEMPLATE_FORMATTERS = {
  date: frenchDate,
  dateTime: frenchDateTime,
  month: frenchMonthOf,
  amount: frenchAmount,
  amountRange: frenchAmountRange,
  percent: frenchPercent,
};

/**
 * Renders server-side pages with Eta. Auto-escaping is on: `<%= %>` escapes, and the only raw
 * outputs (`<%~ %>`) are the page body into the layout and HTML we sanitised ourselves.
 */
@Injectable()
export class WebViewService {
  private readonly eta: Eta;

  constructor(config: VigieConfig) {
    this.eta = new Eta({
      views: WEB_VIEW_DIR,
      autoEscape: true,
      cache: config.NODE_ENV !== 'development',
      autoTrim: [false, 'nl'],
    });
  }

  render<T extends object>(page: string, model: LayoutModel & T): string {
    const data = { ...model, fmt: TEMPLATE_FORMATTERS };
    const body = this.eta.render(`./page/${page}`, data);
    return this.eta.render('./layout', { ...data, body });
  }

  /** Sends a page; pages that show someone's data are never cached or stored by the browser. */
  send<T extends object>(
    response: Response,
    page: string,
    model: LayoutModel & T,
    status = 200,
  ): void {
    response
      .status(status)
      .type('html')
      .setHeader('Cache-Control', 'no-store')
      .send(this.render(page, model));
  }
}
