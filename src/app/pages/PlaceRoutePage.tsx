/**
 * The place page's route (#/place/<code>?date=YYYY-MM): the month bar above the place, both on the
 * month shown (the place a moment behind while the months are scrubbed: a step's input renders the
 * month bar, which paints at once, and the place follows after that paint, in an interruptible
 * render). The address owns the month (useAddressState with address.ts's PLACE_ADDRESS): `?date=`
 * moves the month, and moving the month rewrites `?date=` in place once the months stop changing,
 * as on every page.
 */
import { useMemo } from 'react';
import { AddressNotice } from '../../components/AddressNotice';
import { useValueAfterPaint } from '../../components/after-paint';
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
  const month = useValueAfterPaint(usePageMonth());
  const notice = useExplorerStore(selectAddressNotice);
  const dismissNotice = useExplorerStore(selectDismissAddressNotice);
  // One element for every render: the place page is memoised, so a month step stops at it until
  // the month it is given changes.
  const timeline = useMemo(
    () => (
      <ViewErrorBoundary name="the timeline">
        <Timeline bar />
      </ViewErrorBoundary>
    ),
    [],
  );
  if (!place || !month) return null;
  return (
    <>
      <AddressNotice notice={notice} onDismiss={dismissNotice} />
      <PlacePage code={place.code} month={month} dataset={dataset} dataBaseUrl={import.meta.env.BASE_URL} timeline={timeline} />
    </>
  );
}
