import { describe, expect, it } from 'vitest';
import { dateWords, publisherWords } from '../../src/components/source-words';
import type { Source } from '../../src/data/schema';

const source = (publisher: string, date: string): Source => ({
  id: 'x',
  kind: 'external',
  title: 'T',
  publisher,
  date,
  url: 'https://example.org/',
  description: 'd',
});

describe('publisherWords', () => {
  it('says the kind of text where the stored text does not name its publisher', () => {
    expect(publisherWords(source('Explainer article (publisher not named in the stored text)', '2015'))).toBe(
      'explainer article',
    );
    expect(publisherWords(source('An independent health think tank', '2017'))).toBe('an independent health think tank');
  });

  it('keeps a named publisher as it is', () => {
    expect(publisherWords(source("The King's Fund", '2016'))).toBe("The King's Fund");
    expect(publisherWords(source('NHS England (mirrored on paperzz)', '2016'))).toBe('NHS England (mirrored on paperzz)');
  });
});

describe('dateWords', () => {
  it('keeps the date and leaves out how it was worked out, beside a fact', () => {
    expect(dateWords(source('P', '2015/16 (it calls the Five Year Forward View "published last year")'))).toBe('2015/16');
    expect(dateWords(source('P', 'March 2013 (from the URL path 2013/mar/12)'))).toBe('March 2013');
    expect(dateWords(source('P', '8 December 2014'))).toBe('8 December 2014');
  });

  it('keeps what is known of an undated page, briefly', () => {
    expect(dateWords(source('P', 'undated (2014)'))).toBe('undated (2014)');
    expect(dateWords(source('P', 'undated (autumn 2017: it says the remaining groups were invited to apply)'))).toBe(
      'undated (about 2017)',
    );
    expect(dateWords(source('P', 'undated (an older stored version of the page)'))).toBe('undated');
  });

  it('keeps the reasoning in the full form, and reads a date from an address as such', () => {
    expect(dateWords(source('P', '2015/16 (it calls …)'), 'full')).toBe('2015/16 (it calls …)');
    expect(dateWords(source('P', 'URL path 2012/05/31'), 'full')).toBe('2012/05/31 (from its address)');
    expect(dateWords(source('P', 'URL path 2012/05/31'))).toBe('2012/05/31');
  });
});
