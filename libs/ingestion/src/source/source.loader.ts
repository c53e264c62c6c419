import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { IngestionException, IngestionExceptionCode } from './ingestion.exception';
import { SourceDefinitionError, type SourceDefinitionProblem } from './source-definition.error';
import type { LoadSourcesOptions, SourceDefinition } from './source.types';
import { validateSource, type ProblemSink } from './source.validator';

/** Reads and validates a sources file; throws SourceDefinitionError listing every problem. */
export function loadSources(path: string, options: LoadSourcesOptions = {}): SourceDefinition[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new IngestionException(
      IngestionExceptionCode.SOURCE_FILE_UNREADABLE,
      `Cannot read sources file ${path}: ${(error as Error).message}`,
      { file: path },
    );
  }
  return parseSources(text, { ...options, file: path });
}

export function parseSources(
  text: string,
  options: LoadSourcesOptions & { file?: string } = {},
): SourceDefinition[] {
  const file = options.file ?? '<sources>';
  const problems: SourceDefinitionProblem[] = [];
  const lineCounter = new LineCounter();
  const substituted = substituteVars(text, options.vars ?? {}, file, problems);
  const document = parseDocument(substituted, { lineCounter, prettyErrors: false });
  for (const error of document.errors) {
    problems.push({
      file,
      line: lineCounter.linePos(error.pos[0]).line,
      sourceId: null,
      field: '(yaml)',
      message: error.message.split('\n')[0],
    });
  }
  if (problems.length > 0) throw new SourceDefinitionError(problems);

  const lineOf = (node: Node | null | undefined): number | null =>
    node?.range ? lineCounter.linePos(node.range[0]).line : null;
  const list = sourcesNode(document.contents);
  if (!list) {
    throw new SourceDefinitionError([
      {
        file,
        line: 1,
        sourceId: null,
        field: 'sources',
        message: 'expected a list of sources (or a "sources:" key holding one)',
      },
    ]);
  }
  const sources: SourceDefinition[] = [];
  const seen = new Map<string, number | null>();
  list.forEach((node, index) => {
    const sink: ProblemSink = (field, message, at, sourceId) =>
      problems.push({ file, line: lineOf(at ?? node), sourceId, field, message });
    if (!isMap(node)) {
      sink(`sources[${index}]`, 'each source must be a mapping of keys', node, null);
      return;
    }
    const source = validateSource(node as YAMLMap, sink);
    if (!source) return;
    if (seen.has(source.id)) {
      sink('id', `duplicate id, already defined at line ${seen.get(source.id)}`, node, source.id);
      return;
    }
    seen.set(source.id, lineOf(node));
    sources.push(source);
  });
  if (problems.length > 0) throw new SourceDefinitionError(problems);
  return sources;
}

function sourcesNode(contents: unknown): Node[] | null {
  if (isSeq(contents)) return contents.items as Node[];
  if (isMap(contents)) {
    const value = contents.get('sources', true);
    if (isSeq(value)) return value.items as Node[];
  }
  if (contents === null || (isScalar(contents) && contents.value === null)) return [];
  return null;
}

function substituteVars(
  text: string,
  vars: Record<string, string>,
  file: string,
  problems: SourceDefinitionProblem[],
): string {
  return text
    .split('\n')
    .map((line, index) =>
      line.replace(/\$\{([A-Z0-9_]+)\}/g, (placeholder, name: string) => {
        if (line.trimStart().startsWith('#')) return placeholder;
        const value = vars[name] ?? process.env[name];
        if (value === undefined) {
          problems.push({
            file,
            line: index + 1,
            sourceId: null,
            field: name,
            message: `no value given for placeholder \${${name}}`,
          });
          return placeholder;
        }
        return value;
      }),
    )
    .join('\n');
}
