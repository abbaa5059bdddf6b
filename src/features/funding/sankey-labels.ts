/** The words on the funding picture, kept clear of each other. */

/** A label to keep clear of the others: a box centred at (x, y). */
export interface LabelPlace {
  id: string;
  x: number;
  /** where it would sit: the middle of its lines */
  y: number;
  width: number;
  lines: number;
}

/**
 * Moves labels apart, top to bottom, so that no two boxes overlap: each keeps its place unless a
 * label already placed, side by side with it, reaches into it; then it moves just below that one.
 * Returns the middle of each label by id.
 */
export function spreadLabels(
  places: readonly LabelPlace[],
  lineHeight: number,
  /** labels that stay where they are (the names of the boxes): the others keep clear of them */
  fixed: readonly LabelPlace[] = [],
): Map<string, number> {
  const placed = fixed.map((place) => ({
    left: place.x - place.width / 2,
    right: place.x + place.width / 2,
    top: place.y - (place.lines * lineHeight) / 2,
    bottom: place.y + (place.lines * lineHeight) / 2 + 2,
  }));
  const result = new Map<string, number>();
  for (const place of [...places].sort((a, b) => a.y - b.y || a.id.localeCompare(b.id))) {
    const half = (place.lines * lineHeight) / 2;
    const left = place.x - place.width / 2;
    const right = place.x + place.width / 2;
    let y = place.y;
    // Each move goes below a box that is further down than the last, so this ends.
    for (let moved = true; moved;) {
      moved = false;
      for (const box of placed) {
        const sideBySide = left < box.right && box.left < right;
        if (sideBySide && y - half < box.bottom && box.top < y + half) {
          y = box.bottom + half;
          moved = true;
        }
      }
    }
    placed.push({ left, right, top: y - half, bottom: y + half + 2 });
    result.set(place.id, y);
  }
  return result;
}
