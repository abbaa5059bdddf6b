/** The place page's route (#/place/<code>?date=YYYY-MM): reads the code and month, hands them to the feature. */
import { useParams, useSearchParams } from 'react-router';
import { isMonth } from '../../domain/months';
import { PlacePage } from '../../features/places';
import { selectDataset, selectMonth, useExplorerStore } from '../../store';

export function PlaceRoutePage() {
  const { code = '' } = useParams();
  const [search] = useSearchParams();
  const dataset = useExplorerStore(selectDataset);
  const storeMonth = useExplorerStore(selectMonth);
  const asked = search.get('date');
  const month = asked && isMonth(asked) ? asked : storeMonth;
  if (!dataset || !month) return <p role="status">Loading the dataset…</p>;
  return <PlacePage code={code} month={month} dataset={dataset} dataBaseUrl={import.meta.env.BASE_URL} />;
}
