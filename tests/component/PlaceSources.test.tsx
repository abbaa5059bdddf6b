/** The Sources page's part for the place lists: every list with its publisher, repository copy, commit and licence, and the merger news. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePlaces } from '../../src/data/places-load';
import { PlaceSources } from '../../src/features/sources/PlaceSources';
import { ROOT } from '../support/real-dataset';

const placesText = readFileSync(path.join(ROOT, 'data', 'places', 'places.json'), 'utf8');
const parsed = parsePlaces(JSON.parse(placesText));
if (!parsed.ok) throw new Error('data/places/places.json must be valid');
const places = parsed.places;

afterEach(() => vi.unstubAllGlobals());

describe('the sources of the place lists', () => {
  it('loads the place data when shown and cites each list: publisher, repository copy at a commit, licence', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(new Response(placesText, { status: 200 })));
    vi.stubGlobal('fetch', fetchMock);
    render(<PlaceSources baseUrl="./" />);
    const section = within(await screen.findByRole('region', { name: /^The place lists/ }));
    await section.findByText('Clinical commissioning groups (eccg.csv): code, name, open and close dates');
    expect(fetchMock).toHaveBeenCalledWith('./data/places/places.json');
    const eccg = section
      .getByText('Clinical commissioning groups (eccg.csv): code, name, open and close dates')
      .closest('li') as HTMLElement;
    expect(eccg).toHaveTextContent('NHS Digital, Organisation Data Service');
    expect(within(eccg).getByRole('link', { name: /jhau\/nhs-spend, data\/eccg\.csv/ })).toHaveAttribute(
      'href',
      'https://github.com/jhau/nhs-spend/blob/1e5af1327e6f84e8479085bfa65a5f579036880f/data/eccg.csv',
    );
    expect(eccg).toHaveTextContent('Open Government Licence v3.0');
    expect(section.getAllByText(/Contains National Statistics data © Crown copyright and database right/)).toHaveLength(
      places.sources.filter((source) => source.attribution?.includes('Contains National Statistics data')).length,
    );
    expect(section.getByText('Unofficial, derived')).toBeInTheDocument();
  });

  it('quotes the news pages that confirm the mergers', () => {
    render(<PlaceSources baseUrl="./" places={places} />);
    const news = places.mergerNews[0]!;
    expect(screen.getByText(news.quote)).toBeInTheDocument();
    expect(screen.getByText(news.title).closest('li')).toHaveTextContent(news.publisher);
  });

  it('follows the page’s search, and is left out when nothing in it matches', () => {
    const { rerender } = render(<PlaceSources baseUrl="./" places={places} query="eccg" />);
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(1);
    rerender(<PlaceSources baseUrl="./" places={places} query="zzqx" />);
    expect(screen.queryByRole('region', { name: /^The place lists/ })).not.toBeInTheDocument();
  });
});
