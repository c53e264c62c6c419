import { callSearchClause, callSearchPatterns } from './call-text-search.util';

describe('callSearchPatterns', () => {
  it('asks for every word, in any order, without the punctuation around it', () => {
    expect(callSearchPatterns('  « médiation »   numérique, ')).toEqual([
      '%médiation%',
      '%numérique%',
    ]);
  });

  it('escapes LIKE wildcards typed by the user', () => {
    expect(callSearchPatterns('100% a_b')).toEqual(['%100\\%%', '%a\\_b%']);
  });

  it('keeps at most eight words and nothing for a blank query', () => {
    expect(callSearchPatterns('a b c d e f g h i j')).toHaveLength(8);
    expect(callSearchPatterns('   ')).toEqual([]);
  });
});

describe('callSearchClause', () => {
  it('repeats the indexed expression for each word', () => {
    let n = 0;
    const sql = callSearchClause('c', ['%a%', '%b%'], () => `$${++n}`);
    expect(sql).toBe(
      'vigie_call_search_text(c.title, c.description_text, c.funders) LIKE vigie_fold($1) AND ' +
        'vigie_call_search_text(c.title, c.description_text, c.funders) LIKE vigie_fold($2)',
    );
  });
});
