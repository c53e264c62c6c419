import { CommanderError } from 'commander';
import { EXIT, exitCodeOf } from './cli-exit';

describe(exitCodeOf.name, () => {
  it('makes commander’s usage errors exit 2, not its default 1', () => {
    for (const code of ['commander.unknownOption', 'commander.missingMandatoryOptionValue']) {
      expect(exitCodeOf(new CommanderError(1, code, 'bad usage'))).toBe(EXIT.USAGE);
    }
  });

  it('keeps help and version at 0, and our own errors at their code', () => {
    expect(exitCodeOf(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toBe(0);
    expect(exitCodeOf(new CommanderError(1, 'vigie.sourcesFailed', 'x'))).toBe(EXIT.WORK_FAILED);
    expect(exitCodeOf(new CommanderError(2, 'vigie.unknownSource', 'x'))).toBe(EXIT.USAGE);
  });
});
