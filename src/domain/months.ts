/**
 * Month arithmetic lives in src/lib/months, below both the data layer and the domain; the domain
 * and the views go on importing it from here.
 */
export * from '../lib/months';
