export { Tour, type TourProps } from './Tour';
export { focusNameOf, selectionOf, sentencesOf } from './tour-model';
