export { Tour, type TourProps } from './Tour';
export { focusNameOf, resolveStep, selectionOf, sentencesOf } from './tour-model';
