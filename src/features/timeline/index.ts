export { Timeline, TimelineEventSteps, PLAYBACK_STEP_MS } from './Timeline';
export { EventCards, ANNOUNCEMENT_DELAY_MS } from './EventCards';
