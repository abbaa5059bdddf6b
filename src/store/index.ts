export * from './store';
export * from './context';
export * from './selectors';
export * from './hooks';
