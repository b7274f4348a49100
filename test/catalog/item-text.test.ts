import { describe, expect, it } from 'vitest';
import { embedFields, inferMapping, itemText, parseCatalog } from '../../src/catalog/index.js';

describe('itemText', () => {
  it('flattens an item as "title: ...; year: ...; genres: ..." in mapping order, not source order', () => {
    const row = {
      description: 'a detective hunts bank robbers',
      cast: ['Al Pacino', 'Robert De Niro'],
      genres: ['Crime', 'Thriller'],
      director: 'Michael Mann',
      year: 1995,
      title: 'Heat',
      id: 'heat',
    };
    const catalog = parseCatalog(JSON.stringify(row), 'c.jsonl');
    expect(itemText(catalog.items[0]!, catalog.mapping)).toBe(
      'title: Heat; year: 1995; genres: Crime, Thriller; director: Michael Mann; ' +
        'cast: Al Pacino, Robert De Niro; description: a detective hunts bank robbers',
    );
  });

  it('leaves out fields the item does not have', () => {
    const catalog = parseCatalog(
      [
        JSON.stringify({ id: 'a', title: 'Heat', year: 1995, genres: ['Crime'] }),
        JSON.stringify({ id: 'b', title: 'Up' }),
      ].join('\n'),
      'c.jsonl',
    );
    expect(itemText(catalog.byId.get('b')!, catalog.mapping)).toBe('title: Up');
  });

  it('follows an explicit embed list', () => {
    const catalog = parseCatalog(
      JSON.stringify({ id: 'a', title: 'Heat', year: 1995, genres: ['Crime'] }),
      'c.jsonl',
      {
        mapping: { id: 'id', title: 'title', embed: ['genres', 'title'] },
      },
    );
    expect(itemText(catalog.items[0]!, catalog.mapping)).toBe('genres: Crime; title: Heat');
  });

  it('drops escape sequences and invisible characters from the text, so they add no words', () => {
    const catalog = parseCatalog(
      JSON.stringify({
        id: 'v',
        title: 'Vault\u001b]0;pwned\u0007 Heist',
        genres: ['Cri\u200bme'],
        description: 'a crew\u001b[2J plans \u202eone\u202c job',
      }),
      'c.jsonl',
    );
    expect(itemText(catalog.items[0]!, catalog.mapping)).toBe(
      'title: Vault Heist; genres: Crime; description: a crew plans one job',
    );
  });

  it('cuts long text fields to the text limit', () => {
    const catalog = parseCatalog(
      JSON.stringify({ id: 'a', title: 'Heat', plot: 'x'.repeat(50) }),
      'c.jsonl',
      {
        mapping: { id: 'id', title: 'title', text: ['plot'], textLimit: 10 },
      },
    );
    expect(catalog.items[0]!.fields['plot']).toBe(`${'x'.repeat(10)}…`);
  });
});

describe('inferMapping', () => {
  it('recognizes common field names', () => {
    const mapping = inferMapping(
      ['movieId', 'name', 'release_year', 'category', 'director', 'actors', 'plot', 'rating'],
      false,
    );
    expect(mapping).toMatchObject({
      id: 'movieId',
      title: 'name',
      year: 'release_year',
      genres: 'category',
      people: ['director', 'actors'],
      text: ['plot'],
    });
    expect(embedFields(mapping)).toEqual(['name', 'release_year', 'category', 'director', 'actors', 'plot']);
  });

  it('uses the object key as id for a keyed JSON object without an id field', () => {
    expect(inferMapping(['title'], true).id).toBe('$key');
    expect(inferMapping(['id', 'title'], true).id).toBe('id');
  });

  it('lets explicit settings win over guesses', () => {
    const mapping = inferMapping(['id', 'title', 'sku', 'label'], false, {
      id: 'sku',
      title: 'label',
      numbers: ['price'],
    });
    expect(mapping.id).toBe('sku');
    expect(mapping.title).toBe('label');
    expect(mapping.numbers).toEqual(['price']);
  });
});
