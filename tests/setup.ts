import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The panels, the search and the glossary's term finder load on demand (as in the browser): the
// first test to open one waits for its module to be transformed, which on a busy two-core machine
// can take more than Testing Library's default second.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
});
