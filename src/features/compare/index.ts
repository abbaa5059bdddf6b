export { ComparePickers } from './ComparePickers';
export { ComparisonList } from './ComparisonList';
export { comparisonSourceTitles, summaryLine } from './compare-words';
