import { useParams } from 'react-router';
import { SourcesView } from '../../features/sources/SourcesView';
import { useLoadedDataset } from '../DatasetGate';

/** #/sources/:id? — every source and the records that cite it; a source's address opens at it. */
export function SourcesPage() {
  const { id } = useParams();
  return <SourcesView dataset={useLoadedDataset()} id={id} placesBaseUrl={import.meta.env.BASE_URL} />;
}
