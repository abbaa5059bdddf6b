import { DownloadsView } from '../../features/downloads/DownloadsView';
import { useLoadedDataset } from '../DatasetGate';

/** #/data — the dataset as JSON and CSV, with its licence and the note on sources. */
export function DownloadsPage() {
  return <DownloadsView dataset={useLoadedDataset()} />;
}
