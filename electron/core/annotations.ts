import { randomUUID } from 'node:crypto';
import type { Annotation, AnnotationInput } from '../api.js';
import { anchor, describeRange, findQuote } from './annotate/index.js';
import { ClipdeskError } from './errors.js';

/** A new highlight on `text`, from code-point offsets or from a quote (its n-th occurrence). */
export function createAnnotation(clipId: string, text: string, input: AnnotationInput, now: string): Annotation {
  const { start, end } = rangeOf(text, input);
  const { quote, position } = describeRange(text, start, end);
  return {
    id: randomUUID(),
    clipId,
    created: now,
    modified: now,
    color: input.color ?? 'yellow',
    note: input.note ?? '',
    target: { source: clipId, selector: [quote, position] },
    status: 'exact',
  };
}

function rangeOf(text: string, input: AnnotationInput): { start: number; end: number } {
  if (input.quote !== undefined) {
    const found = findQuote(text, input.quote, input.occurrence ?? 1);
    if (!found) {
      const times = input.occurrence ? ` ${input.occurrence} times` : '';
      throw new ClipdeskError('NOT_FOUND', `the clip's text does not contain "${input.quote}"${times}`);
    }
    return found;
  }
  if (input.start === undefined || input.end === undefined) {
    throw new ClipdeskError('BAD_INPUT', 'a highlight needs either a quote or start and end offsets');
  }
  return { start: input.start, end: input.end };
}

/**
 * Finds every highlight again in a clip's new text. A found one gets selectors that describe where it
 * is now; one that cannot be found keeps its old selectors and becomes an orphan, so nothing is lost.
 */
export function reanchorAll(annotations: readonly Annotation[], text: string): Annotation[] {
  return annotations.map((annotation) => {
    const [quote, position] = annotation.target.selector;
    const found = anchor(text, quote, position);
    if (!found) return { ...annotation, status: 'orphan' };
    const moved = describeRange(text, found.start, found.end);
    return { ...annotation, status: found.status, target: { ...annotation.target, selector: [moved.quote, moved.position] } };
  });
}
