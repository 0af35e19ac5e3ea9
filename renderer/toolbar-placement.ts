/** A rectangle in viewport coordinates (a DOMRect has these four). */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Placement {
  top: number;
  left: number;
}

/** Space between the passage and the toolbar, and between the toolbar and the edge of the area. */
const GAP = 8;
const MARGIN = 4;

/**
 * Where a floating toolbar of `width` x `height` goes for a selected passage: above it where there is
 * room, else below it, starting at its left edge, and always wholly inside `area` (the part of the
 * reader on screen), so a passage at an edge or scrolled partly away still gets a toolbar one can reach.
 */
export function placeToolbar(passage: Box, width: number, height: number, area: Box): Placement {
  const above = passage.top - GAP - height;
  const top = above >= area.top + MARGIN ? above : passage.bottom + GAP;
  return {
    top: clamp(top, area.top + MARGIN, area.bottom - MARGIN - height),
    left: clamp(passage.left, area.left + MARGIN, area.right - MARGIN - width),
  };
}

/** The part of `box` inside the window: a reader taller than the window is only seen in part. */
export function visiblePart(box: Box, viewportWidth: number, viewportHeight: number): Box {
  return {
    top: Math.max(box.top, 0),
    left: Math.max(box.left, 0),
    bottom: Math.min(box.bottom, viewportHeight),
    right: Math.min(box.right, viewportWidth),
  };
}

/** Within [min, max]; `min` wins when the area is too small for the toolbar, so its start stays visible. */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
