/**
 * The place page's route (#/place/<code>?date=YYYY-MM): the month bar above the place, both on the
 * month shown. The address owns the month (useAddressState with address.ts's PLACE_ADDRESS):
 * `?date=` moves the month, and moving the month rewrites `?date=` in place once the months stop
 * changing, as on every page.
 */
import { AddressNotice } from '../../components/AddressNotice';
import { ViewErrorBoundary } from '../../components/ViewErrorBoundary';
import { PlacePage } from '../../features/places';
import { Timeline } from '../../features/timeline';
import { selectAddressNotice, selectDismissAddressNotice, useExplorerStore } from '../../store';
import { PLACE_ADDRESS } from '../address';
import { useLoadedDataset } from '../DatasetGate';
import { useAddressState, usePageMonth } from '../useAddressState';

export function PlaceRoutePage() {
  const dataset = useLoadedDataset();
  const place = useAddressState(PLACE_ADDRESS);
  const month = usePageMonth();
  const notice = useExplorerStore(selectAddressNotice);
  const dismissNotice = useExplorerStore(selectDismissAddressNotice);
  if (!place || !month) return null;
  return (
    <>
      <AddressNotice notice={notice} onDismiss={dismissNotice} />
      <PlacePage
        code={place.code}
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
