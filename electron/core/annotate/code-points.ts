/**
 * Converts offsets between UTF-16 code units (how JS strings index) and Unicode code points (how the
 * W3C Web Annotation model counts). They differ only after astral characters (emoji, rare CJK), which
 * take two units, so the map keeps just those; a text without any converts for free.
 */
export class CodePointMap {
  /** Code-unit offset of each surrogate pair, ascending. */
  private readonly pairs: number[] = [];
  /** Length of the text in code points. */
  readonly length: number;

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
        this.pairs.push(i);
        i++;
      }
    }
    this.length = text.length - this.pairs.length;
  }

  /** Code-unit offset of a code-point offset in [0, length]. */
  toUnits(codePoint: number): number {
    // Pair k sits at code point pairs[k] - k; those before `codePoint` each add one extra unit.
    return codePoint + countWhile(this.pairs, (unit, k) => unit - k < codePoint);
  }

  /** Code-point offset of a code-unit offset on a code-point boundary. */
  toCodePoints(unit: number): number {
    return unit - countWhile(this.pairs, (pairUnit) => pairUnit < unit);
  }

  /** False inside a surrogate pair, where no code-point offset exists. */
  isBoundary(unit: number): boolean {
    return !(isLowSurrogate(this.text.charCodeAt(unit)) && isHighSurrogate(this.text.charCodeAt(unit - 1)));
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Length of the leading run of `sorted` for which `test` holds (binary search: `test` is monotone). */
function countWhile(sorted: number[], test: (value: number, index: number) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test(sorted[mid] as number, mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}
