export * from './store';
export * from './context';
export * from './selectors';
