export * from './months';
export * from './organisations';
export * from './snapshot';
export * from './services';
export * from './changes';
