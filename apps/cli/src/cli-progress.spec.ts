import { createProgress, type ProgressStream } from './cli-progress';

function stream(isTTY: boolean): ProgressStream & { text: string } {
  return {
    isTTY,
    columns: 60,
    text: '',
    write(chunk: string) {
      this.text += chunk;
    },
  };
}

describe(createProgress.name, () => {
  it('writes one plain line per step when piped, for logs', () => {
    const out = stream(false);
    const progress = createProgress('collecte', out);
    progress.step(1, 2, 'a OK');
    progress.step(2, 2, 'b ÉCHEC');
    progress.end();
    expect(out.text).toBe('collecte 1/2 a OK\ncollecte 2/2 b ÉCHEC\n');
  });

  it('redraws one line with a bar on a terminal, and ends on a fresh line', () => {
    const out = stream(true);
    const progress = createProgress('collecte', out);
    progress.step(1, 4, 'a OK');
    progress.step(4, 4, 'd OK');
    progress.end();
    const frames = out.text.split('\r\x1b[2K').filter(Boolean);
    expect(frames).toEqual([
      'collecte [#####---------------] 1/4 a OK',
      'collecte [####################] 4/4 d OK\n',
    ]);
  });

  it('counts without a bar when the total is unknown', () => {
    const out = stream(true);
    const progress = createProgress('classement', out);
    progress.step(500, null, 'appel(s) classé(s)');
    expect(out.text).toBe('\r\x1b[2Kclassement 500 appel(s) classé(s)');
  });
});
