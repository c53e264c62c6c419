import { CallSource, Source, SourceRun } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import { stableStringify } from '../store/call-content.util';
import { SourceDefinitionError } from '../source/source-definition.error';
import { loadSources, parseSources } from '../source/source.loader';
import type { LoadSourcesOptions, SourceDefinition } from '../source/source.types';

export interface SourceImportResult {
  created: string[];
  updated: string[];
  unchanged: string[];
}

export interface SourceRemoval {
  /** false when the source has calls: it is disabled instead, so their history keeps its origin. */
  deleted: boolean;
  disabled: boolean;
}

/** The watched sources: shared by every organisation, edited by files or by platform admins. */
@Injectable()
export class SourceService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Imports a sources file: every definition is validated first, and one problem anywhere
   * refuses the whole file (SourceDefinitionError, each problem with file and line), changing
   * nothing. Sources absent from the file are left as they are.
   */
  async importFile(path: string, options: LoadSourcesOptions = {}): Promise<SourceImportResult> {
    return this.importDefinitions(loadSources(path, options));
  }

  async importDefinitions(definitions: SourceDefinition[]): Promise<SourceImportResult> {
    const result: SourceImportResult = { created: [], updated: [], unchanged: [] };
    await this.dataSource.transaction(async (manager) => {
      for (const definition of definitions) {
        const outcome = await this.save(manager, definition);
        result[outcome].push(definition.id);
      }
    });
    return result;
  }

  /** Every source with its health, by id. */
  list(): Promise<Source[]> {
    return this.dataSource.getRepository(Source).find({ order: { id: 'ASC' } });
  }

  async get(id: string): Promise<Source> {
    const source = await this.dataSource.getRepository(Source).findOne({ where: { id } });
    if (!source) throw notFound(id);
    return source;
  }

  lastRuns(sourceId: string, limit = 10): Promise<SourceRun[]> {
    return this.dataSource
      .getRepository(SourceRun)
      .find({ where: { sourceId }, order: { startedAt: 'DESC' }, take: limit });
  }

  /** A definition sent as JSON (admin API): the same checks as a file. */
  async create(body: unknown): Promise<Source> {
    const definition = parseDefinition(body, 'request body');
    return this.dataSource.transaction(async (manager) => {
      if (await manager.getRepository(Source).exist({ where: { id: definition.id } })) {
        throw new IngestionException(
          IngestionExceptionCode.SOURCE_EXISTS,
          `Source "${definition.id}" already exists; use PUT to change it`,
          {
            sourceId: definition.id,
          },
        );
      }
      await this.save(manager, definition);
      return manager.getRepository(Source).findOneOrFail({ where: { id: definition.id } });
    });
  }

  async update(id: string, body: unknown): Promise<Source> {
    const withId =
      body && typeof body === 'object' && !Array.isArray(body)
        ? { id, ...(body as Record<string, unknown>) }
        : body;
    const definition = parseDefinition(withId, 'request body');
    if (definition.id !== id) {
      throw new SourceDefinitionError([
        {
          file: 'request body',
          line: null,
          sourceId: definition.id,
          field: 'id',
          message: `must be "${id}" (the id in the URL); a source cannot be renamed`,
        },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.getRepository(Source).exist({ where: { id } }))) throw notFound(id);
      await this.save(manager, definition);
      return manager.getRepository(Source).findOneOrFail({ where: { id } });
    });
  }

  /** Deletes a source without calls; a source with calls is disabled instead (never loses history). */
  async remove(id: string): Promise<SourceRemoval> {
    return this.dataSource.transaction(async (manager) => {
      const source = await manager
        .getRepository(Source)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!source) throw notFound(id);
      if (await manager.getRepository(CallSource).exist({ where: { sourceId: id } })) {
        const definition = { ...source.definition, enabled: false };
        await manager.update(Source, { id }, {
          enabled: false,
          definition,
        } as QueryDeepPartialEntity<Source>);
        return { deleted: false, disabled: true };
      }
      await manager.delete(Source, { id });
      return { deleted: true, disabled: false };
    });
  }

  private async save(
    manager: EntityManager,
    definition: SourceDefinition,
  ): Promise<keyof SourceImportResult> {
    const repository = manager.getRepository(Source);
    const existing = await repository.findOne({
      where: { id: definition.id },
      lock: { mode: 'pessimistic_write' },
    });
    const columns = {
      name: definition.name,
      kind: definition.kind,
      url: definition.url,
      funder: definition.funder,
      territory: definition.territory,
      schedule: definition.schedule,
      enabled: definition.enabled,
      definition: definition as unknown as Record<string, unknown>,
    };
    if (!existing) {
      await repository.insert({
        id: definition.id,
        ...columns,
        connectorState: {},
      } as QueryDeepPartialEntity<Source>);
      return 'created';
    }
    if (stableStringify(existing.definition) === stableStringify(definition)) return 'unchanged';
    // Cached pages belong to the old feed: a new URL or kind starts from scratch.
    const reset =
      existing.url !== definition.url || existing.kind !== definition.kind
        ? { connectorState: {}, layoutSuspect: false }
        : {};
    await repository.update({ id: definition.id }, {
      ...columns,
      ...reset,
    } as QueryDeepPartialEntity<Source>);
    return 'updated';
  }
}

/** One definition from a JSON body, checked exactly as a sources file is. */
export function parseDefinition(body: unknown, label: string): SourceDefinition {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new SourceDefinitionError([
      {
        file: label,
        line: null,
        sourceId: null,
        field: '(body)',
        message: 'expected one source as a JSON object',
      },
    ]);
  }
  const text = JSON.stringify([body]);
  // Placeholders are for files the operator controls; from the API they would read the server's environment.
  if (text.includes('${')) {
    throw new SourceDefinitionError([
      {
        file: label,
        line: null,
        sourceId: null,
        field: '(body)',
        message: '${…} placeholders are only allowed in sources files',
      },
    ]);
  }
  const [definition] = parseSources(text, { file: label });
  return definition;
}

function notFound(id: string): IngestionException {
  return new IngestionException(
    IngestionExceptionCode.SOURCE_NOT_FOUND,
    `Source "${id}" introuvable / source "${id}" not found`,
    { sourceId: id },
  );
}
