import { useParams } from 'react-router';
import { GlossaryView } from '../../features/glossary/GlossaryView';
import { useLoadedDataset } from '../DatasetGate';

/** #/glossary/:term? — every term, searchable; a term's address opens at it. */
export function GlossaryPage() {
  const { term } = useParams();
  return <GlossaryView glossary={useLoadedDataset().glossary} slug={term} />;
}
