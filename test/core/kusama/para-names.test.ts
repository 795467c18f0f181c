/** The table of Kusama para names: lookups by id, labels for unknown ids, and names as typed. */
import { describe, expect, it } from 'vitest';
import { findParaByName, KUSAMA_PARA_NAMES, paraLabel, paraName } from '../../../core/kusama/para-names.js';

describe('para names', () => {
  it('names the system paras and the table ids, each once, in order', () => {
    expect([1000, 1001, 1002, 1004, 1005].map(paraName)).toEqual([
      'Asset Hub',
      'Encointer Network',
      'Bridge Hub',
      'People',
      'Coretime',
    ]);
    expect(paraName(2000)).toBe('Karura');
    const ids = KUSAMA_PARA_NAMES.map((p) => p.id);
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
  });

  it('an id not in the table is shown as the id', () => {
    expect(paraName(2999)).toBeNull();
    expect([paraLabel(2999), paraLabel(2023)]).toEqual(['para 2999', 'Moonriver (2023)']);
  });

  it('finds a name in any letter case, an exact name before longer ones, an unambiguous beginning', () => {
    const id = (text: string) => {
      const m = findParaByName(text);
      return m.type === 'found' ? m.para.id : m.type;
    };
    expect([id('karura'), id('  MOONRIVER '), id('khala'), id('shiden'), id('Shiden Crowdloan')]).toEqual([
      2000, 2023, 2004, 2007, 2120,
    ]);
    expect([id('nowhere'), id('')]).toEqual(['none', 'none']);
  });

  it('an ambiguous beginning lists every candidate by id', () => {
    expect(findParaByName('robo')).toEqual({
      type: 'ambiguous',
      candidates: [
        { id: 2048, name: 'Robonomics' },
        { id: 2240, name: 'Robonomics 2' },
      ],
    });
  });
});
