/**
 * Which layout the map draws: the narrow one (cards stacked, for phones) in a container narrower
 * than 640 px, the wide one otherwise; before the container is measured, the window's width decides.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderHook } from '@testing-library/react';
import { createElement, type ReactNode, type RefObject } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MapLayoutFile } from '../../src/domain/map-layout/layout-file';
import { useMapLayout } from '../../src/features/graph/useMapLayout';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { loadRealDataset, ROOT } from '../support/real-dataset';

const loaded = loadRealDataset();
if (!loaded.dataset) throw new Error('the real dataset does not parse');
const dataset = loaded.dataset;
const file = JSON.parse(readFileSync(path.join(ROOT, 'data', 'map-layout.json'), 'utf8')) as MapLayoutFile;

const windowWidth = window.innerWidth;
afterEach(() => {
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: windowWidth });
});

function layoutFor({ window: width, container }: { window: number; container?: number }): MapLayoutFile | undefined {
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: width });
  const store = createExplorerStore({ data: { status: 'ready', dataset }, mapLayout: file });
  const wrapper = ({ children }: { children: ReactNode }) => createElement(ExplorerStoreProvider, { store, children });
  let ref: RefObject<HTMLElement | null> | undefined;
  if (container !== undefined) {
    const element = document.createElement('div');
    element.getBoundingClientRect = () => ({ width: container }) as DOMRect;
    ref = { current: element };
  }
  return renderHook(() => useMapLayout(dataset, ref), { wrapper }).result.current;
}

describe('the layout the map draws', () => {
  it('is the narrow one on a phone and the wide one on a desktop', () => {
    expect(file.narrow).toBeDefined();
    expect(layoutFor({ window: 390 })).toBe(file.narrow);
    expect(layoutFor({ window: 1280 })).toBe(file);
  });

  it('follows the map’s container, not the window, once measured', () => {
    expect(layoutFor({ window: 1280, container: 500 })).toBe(file.narrow);
    expect(layoutFor({ window: 390, container: 900 })).toBe(file);
  });
});
