import { Call, CallEvent, CallSource } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, In, MoreThan } from 'typeorm';

/** One stored call as exported: its fields, its sources and its dated history. */
export interface ExportedCall {
  id: string;
  title: string;
  url: string;
  funders: string[];
  status: string;
  descriptionText: string;
  publishedAt: string | null;
  opensAt: string | null;
  deadlines: Call['deadlines'];
  nextDeadline: string | null;
  rolling: boolean;
  amounts: {
    minCents: number | null;
    maxCents: number | null;
    envelopeCents: number | null;
    ratePct: number | null;
  };
  aidTypes: string[];
  euFund: string | null;
  audiences: string[];
  territory: string[];
  documents: Array<{ url: string; title?: string }>;
  firstSeenAt: string;
  lastSeenAt: string;
  sources: Array<{
    sourceId: string;
    externalId: string;
    url: string;
    firstSeenAt: string;
    lastSeenAt: string;
    missingRuns: number;
  }>;
  history: Array<{
    occurredAt: string;
    kind: string;
    sourceId: string | null;
    summary: string;
    changes: CallEvent['changes'];
  }>;
}

const BATCH = 200;

/** Every stored call, in batches, oldest first (calls:export). */
@Injectable()
export class CallExportService {
  constructor(private readonly dataSource: DataSource) {}

  async *exportCalls(): AsyncGenerator<ExportedCall> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const calls = await this.dataSource
        .getRepository(Call)
        .find({ where: { id: MoreThan(after) }, order: { id: 'ASC' }, take: BATCH });
      if (calls.length === 0) return;
      const ids = calls.map((call) => call.id);
      const links = await this.dataSource
        .getRepository(CallSource)
        .find({ where: { callId: In(ids) }, order: { firstSeenAt: 'ASC' } });
      const events = await this.dataSource
        .getRepository(CallEvent)
        .find({ where: { callId: In(ids) }, order: { occurredAt: 'ASC', id: 'ASC' } });
      for (const call of calls) {
        yield toExported(
          call,
          links.filter((l) => l.callId === call.id),
          events.filter((e) => e.callId === call.id),
        );
      }
      after = ids[ids.length - 1];
    }
  }
}

function toExported(call: Call, links: CallSource[], events: CallEvent[]): ExportedCall {
  return {
    id: call.id,
    title: call.title,
    url: call.url,
    funders: call.funders,
    status: call.status,
    descriptionText: call.descriptionText,
    publishedAt: call.publishedAt,
    opensAt: call.opensAt,
    deadlines: call.deadlines,
    nextDeadline: call.nextDeadline,
    rolling: call.rolling,
    amounts: {
      minCents: call.amountMinCents,
      maxCents: call.amountMaxCents,
      envelopeCents: call.envelopeCents,
      ratePct: call.ratePct,
    },
    aidTypes: call.aidTypes,
    euFund: call.euFund,
    audiences: call.audiences,
    territory: call.territory,
    // Document texts can be long: the export names them; the text stays in the database.
    documents: call.documents.map((d) => ({ url: d.url, ...(d.title ? { title: d.title } : {}) })),
    firstSeenAt: call.firstSeenAt.toISOString(),
    lastSeenAt: call.lastSeenAt.toISOString(),
    sources: links.map((l) => ({
      sourceId: l.sourceId,
      externalId: l.externalId,
      url: l.url,
      firstSeenAt: l.firstSeenAt.toISOString(),
      lastSeenAt: l.lastSeenAt.toISOString(),
      missingRuns: l.missingRuns,
    })),
    history: events.map((e) => ({
      occurredAt: e.occurredAt.toISOString(),
      kind: e.kind,
      sourceId: e.sourceId,
      summary: e.summary,
      changes: e.changes,
    })),
  };
}
