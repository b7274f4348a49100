import { describe, expect, it } from 'vitest';
import { useDemoReader } from '../helpers/demo-reader.js';

const demo = useDemoReader();

const read = (text: string) =>
  demo.reader.understand(text, { lastShown: [], hasRequest: false, answered: false });

describe('everyday words for moods, genres and company', () => {
  it('reads "ugly cry" as sad, stunts as exciting', () => {
    expect(read('need a movie to ugly cry to').qualities).toEqual([{ id: 'sad', polarity: 'more' }]);
    expect(read('action with insane stunts').qualities).toContainEqual({ id: 'exciting', polarity: 'more' });
  });

  it('reads "with songs" as the musical genre and "the boys" as friends', () => {
    expect(read('an animated film with songs').preferences.genres).toEqual(['animation', 'musical']);
    expect(read('a comedy for movie night with the boys').audiences).toEqual(['friends']);
  });
});
