/**
 * The place page on the real dataset and the committed place data: Leeds and Manchester across
 * their mergers, the derived PCT before April 2013, who commissions a service there, an unknown
 * code and the place finder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { parsePlaces } from '../../src/data/places-load';
import type { PlacesFile } from '../../src/data/places-schema';
import type { Dataset } from '../../src/data/schema';
import { PlacePage } from '../../src/features/places';
import { loadRealDataset, ROOT } from '../support/real-dataset';

const realDataset = loadRealDataset();
const placesResult = parsePlaces(JSON.parse(readFileSync(path.join(ROOT, 'data', 'places', 'places.json'), 'utf8')));

function renderPlace(code: string, month: string) {
  if (!realDataset.ok || !placesResult.ok) throw new Error('the real data is invalid');
  const dataset: Dataset = realDataset.dataset;
  const places: PlacesFile = placesResult.places;
  render(<PlacePage code={code} month={month} dataset={dataset} places={places} />);
}

const region = (name: RegExp) => within(screen.getByRole('region', { name }));
const row = (service: string) => screen.getByRole('row', { name: new RegExp(`^${service}`) });

describe('the place page', { timeout: 20_000 }, () => {
  it('Leeds in June 2016: the three Leeds CCGs, with their shares of the city', () => {
    renderPlace('E08000035', '2016-06');
    expect(screen.getByRole('heading', { level: 1, name: /^Leeds/ })).toBeInTheDocument();
    const ccgs = region(/^Clinical commissioning groups in June 2016/);
    expect(ccgs.getByText('NHS Leeds North CCG')).toBeInTheDocument();
    expect(ccgs.getByText('NHS Leeds West CCG')).toBeInTheDocument();
    expect(ccgs.getByText('NHS Leeds South and East CCG')).toBeInTheDocument();
    expect(ccgs.getByText('NHS Leeds North CCG merged into NHS Leeds CCG from April 2018.')).toBeInTheDocument();
    expect(within(row('GP out-of-hours services')).getByText(/NHS Leeds North CCG/)).toBeInTheDocument();
    expect(within(row('Sexual health services')).getByText('Leeds (the council)')).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: /^Health and social care in Greater Manchester/ })).not.toBeInTheDocument();
    expect(ccgs.getByText('NHS Leeds West CCG').closest('li')).toHaveTextContent('40% of the council’s small areas');
    // The same CCGs, drawn on the map at the same month.
    expect(ccgs.getByRole('link', { name: 'See these CCGs on the map' })).toHaveAttribute(
      'href',
      '#/?date=2016-06&members=E08000035',
    );
  });

  it('Leeds in June 2018: NHS Leeds CCG, formed from the three', () => {
    renderPlace('E08000035', '2018-06');
    const ccgs = region(/^Clinical commissioning groups in June 2018/);
    expect(ccgs.getByText('NHS Leeds CCG')).toBeInTheDocument();
    expect(ccgs.queryByText('NHS Leeds North CCG')).not.toBeInTheDocument();
    expect(ccgs.getByText(/NHS Leeds CCG took over from .* in April 2018\./)).toBeInTheDocument();
  });

  it('Manchester: three CCGs in June 2016, NHS Manchester CCG in June 2017', () => {
    renderPlace('E08000003', '2016-06');
    const before = region(/^Clinical commissioning groups/);
    for (const name of ['NHS Central Manchester CCG', 'NHS North Manchester CCG', 'NHS South Manchester CCG']) {
      expect(before.getByText(name)).toBeInTheDocument();
    }
    expect(
      within(row('Health and social care in Greater Manchester')).getByText(/NHS Central Manchester CCG/),
    ).toBeInTheDocument();
    cleanup();
    renderPlace('E08000003', '2017-06');
    expect(region(/^Clinical commissioning groups/).getByText('NHS Manchester CCG')).toBeInTheDocument();
  });

  it('before April 2013: no CCGs, and the PCT marked as derived and unofficial', () => {
    renderPlace('E08000035', '2012-06');
    expect(
      region(/^Clinical commissioning groups/).getByText(/no clinical commissioning groups before April 2013/),
    ).toBeInTheDocument();
    const pct = region(/^Primary care trust/);
    expect(pct.getByText('Leeds PCT')).toBeInTheDocument();
    expect(pct.getByText('Derived, unofficial')).toBeInTheDocument();
    expect(within(row('GP out-of-hours services')).getByLabelText('(derived, unofficial)')).toHaveTextContent('*');
    expect(screen.getByText(/derived from the unofficial mapping described above/)).toBeInTheDocument();
  });

  it('cites each source of the place data with its licence', () => {
    renderPlace('E08000035', '2016-06');
    const sources = region(/^Sources of the place data/);
    expect(sources.getAllByText(/Open Government Licence v3\.0/).length).toBeGreaterThan(3);
    expect(sources.getAllByText(/Contains National Statistics data © Crown copyright and database right/).length).toBeGreaterThan(
      0,
    );
  });

  it('explains an unknown code and offers the finder', () => {
    renderPlace('E99999999', '2016-06');
    expect(screen.getByRole('heading', { level: 1, name: 'No council with the code “E99999999”' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Find a place' })).toBeInTheDocument();
  });

  it('finds a place by CCG name and links to its council at the same month', async () => {
    renderPlace('E08000003', '2016-06');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Find a place' }), 'Leeds North');
    const results = within(screen.getByRole('list', { name: 'Places found' }));
    expect(results.getByRole('link', { name: 'NHS Leeds North CCG' })).toHaveAttribute('href', '#/place/E08000035?date=2016-06');
  });
});
