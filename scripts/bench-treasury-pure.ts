// One process that times the pure projection against the bare loop and prints both as JSON
// (bench-treasury.ts starts several and reads them). It loads the treasury library only: what is
// timed is the computation, not the modules some other part of the benchmark needs.
import { projectTreasury } from '@app/treasury';
import {
  bareLoop,
  bareLoopAmounts,
  benchInput,
  measurePair,
} from './bench-treasury-portfolio.util';

const input = benchInput();
const project = () => projectTreasury({ ...input, validate: false });
const amounts = bareLoopAmounts(project(), input.applications, input.settings);
const [projection, bare] = measurePair(project, () => bareLoop(amounts));
process.stdout.write(`${JSON.stringify({ projection, bare })}\n`);
