import { DownloadsView } from '../../features/downloads/DownloadsView';

/** #/data — the dataset as JSON and CSV, with its licence and the note on sources. */
export function DownloadsPage() {
  return <DownloadsView />;
}
