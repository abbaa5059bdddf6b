export { FundingView, MIN_PICTURE_WIDTH } from './FundingView';
export { sourceTitles } from './funding-words';
export { fundingSankeyLayout } from './sankey-layout';
