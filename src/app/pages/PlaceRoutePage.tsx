/**
 * The place page's route (#/place/<code>?date=YYYY-MM): the month bar above the place, both on the
 * store's month. The address and the store agree as on the funding page (useStoreAddressSync):
 * `?date=` moves the month, and moving the month rewrites `?date=` in place.
 */
import { useMemo, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { AddressNotice } from '../../components/AddressNotice';
import { useEmbedMode, withEmbed } from '../../components/embed';
import { ViewErrorBoundary } from '../../components/ViewErrorBoundary';
import { PlacePage } from '../../features/places';
import { Timeline } from '../../features/timeline';
import { selectDataset, selectMonth, useExplorerStore } from '../../store';
import type { ExplorerState } from '../../store/store';
import { resolveDate } from '../address';
import { type AddressReading, type AddressWrite, useStoreAddressSync } from '../useStoreAddressSync';

export function PlaceRoutePage() {
  const { code = '' } = useParams();
  const dataset = useExplorerStore(selectDataset);
  const month = useExplorerStore(selectMonth);
  const notice = usePlaceAddressSync(code);
  if (!dataset || !month)
    return (
      <div className="app-place app-place--loading">
        <p role="status">Loading the dataset…</p>
      </div>
    );
  return (
    <>
      <AddressNotice notice={notice.text} onDismiss={notice.dismiss} />
      <PlacePage
        code={code}
        month={month}
        dataset={dataset}
        dataBaseUrl={import.meta.env.BASE_URL}
        timeline={
          <ViewErrorBoundary name="the timeline">
            <Timeline bar />
          </ViewErrorBoundary>
        }
      />
    </>
  );
}

function usePlaceAddressSync(code: string): { text: string | null; dismiss: () => void } {
  const dataset = useExplorerStore(selectDataset);
  const location = useLocation();
  const embed = useEmbedMode();
  const [text, setText] = useState<string | null>(null);
  const addressOf = (month: string) => withEmbed(`/place/${encodeURIComponent(code)}?date=${month}`, embed);
  const reading = useMemo(() => {
    if (!dataset) return undefined;
    const asked = new URLSearchParams(location.search).get('date');
    return (state: ExplorerState): AddressReading => {
      // No date in the address: the month already chosen.
      const resolved = resolveDate(asked ?? state.month, dataset.meta.coverage);
      return {
        apply: (current) => {
          if (current.month !== resolved.month) current.setMonth(resolved.month);
        },
        notice: resolved.notice,
        canonical: withEmbed(`/place/${encodeURIComponent(code)}?date=${resolved.month}`, embed),
      };
    };
  }, [dataset, location.search, code, embed]);
  const writeFor = (state: ExplorerState, previous: ExplorerState): AddressWrite | null =>
    state.month === previous.month || state.month === null
      ? null
      : { to: addressOf(state.month), replace: true, clearsNotice: true };
  useStoreAddressSync({ reading, writeFor, writing: dataset !== undefined, onNotice: setText });
  return { text, dismiss: () => setText(null) };
}
