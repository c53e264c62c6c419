import { IngestionException, IngestionExceptionCode } from './ingestion.exception';

export interface SourceDefinitionProblem {
  file: string;
  line: number | null;
  sourceId: string | null;
  field: string;
  message: string;
}

/** A sources file that cannot be used; lists every problem found, each with file, line and field. */
export class SourceDefinitionError extends IngestionException {
  constructor(readonly problems: SourceDefinitionProblem[]) {
    super(
      IngestionExceptionCode.SOURCE_DEFINITION_INVALID,
      problems.map(formatProblem).join('\n'),
      { problems },
    );
  }
}

export function formatProblem(problem: SourceDefinitionProblem): string {
  const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
  const source = problem.sourceId ? ` source "${problem.sourceId}"` : '';
  return `${where}${source}, field "${problem.field}": ${problem.message}`;
}
