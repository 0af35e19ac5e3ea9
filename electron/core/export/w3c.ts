import { randomUUID } from 'node:crypto';
import type { Annotation, Clip } from '../../api.js';
import type { ExportWriter } from './export-writer.js';

/**
 * W3C Web Annotation JSON-LD (www.w3.org/TR/annotation-model): one AnnotationCollection whose embedded
 * first AnnotationPage holds an Annotation per highlight, as the model's own collection example does,
 * and one per clip note (a note on the whole page: a target with no selector). `total` comes last, once
 * counted: JSON does not order keys, and the items stream out a clip at a time.
 */
export function w3cExport(): ExportWriter {
  const collection = `urn:uuid:${randomUUID()}`;
  let total = 0;
  const indent = (annotation: object) => `\n${JSON.stringify(annotation, null, 2).replace(/^/gm, '      ')}`;
  return {
    begin: `{
  "@context": "http://www.w3.org/ns/anno.jsonld",
  "id": "${collection}",
  "type": "AnnotationCollection",
  "label": "Clipdesk highlights and notes",
  "first": {
    "id": "urn:uuid:${randomUUID()}",
    "type": "AnnotationPage",
    "partOf": "${collection}",
    "startIndex": 0,
    "items": [`,
    item: (clip) => annotationsOf(clip).map((annotation) => (total++ > 0 ? ',' : '') + indent(annotation)).join(''),
    // A clip without highlights or a note adds nothing, so the items place their own commas.
    between: '',
    end: () => `${total > 0 ? '\n    ' : ''}]\n  },\n  "total": ${total}\n}\n`,
  };
}

/** The clip's annotations: its note, if it has one, then its highlights. */
function annotationsOf(clip: Clip): object[] {
  const source = clip.url ?? `urn:clipdesk:clip:${clip.id}`;
  const tags = clip.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag }));
  const note = clip.note && {
    id: `urn:clipdesk:clip:${clip.id}:note`,
    type: 'Annotation',
    motivation: 'commenting',
    created: clip.clippedAt,
    modified: clip.updatedAt,
    body: [comment(clip.note), ...tags],
    target: { source },
  };
  return [...(note ? [note] : []), ...clip.annotations.map((annotation) => highlightOf(annotation, source, tags))];
}

function highlightOf(annotation: Annotation, source: string, tags: object[]): object {
  const body = [...(annotation.note ? [comment(annotation.note)] : []), ...tags];
  return {
    id: `urn:uuid:${annotation.id}`,
    type: 'Annotation',
    motivation: 'highlighting',
    created: annotation.created,
    modified: annotation.modified,
    ...(body.length > 0 ? { body } : {}),
    // Both selectors as stored: TextPositionSelector offsets count code points, as the model says.
    target: { source, selector: annotation.target.selector },
    // An extension term: a compact IRI of its own scheme, so JSON-LD processors keep it rather than drop it.
    'clipdesk:color': annotation.color,
  };
}

function comment(text: string): object {
  return { type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: text };
}
