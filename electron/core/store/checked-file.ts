import { DataFile } from 'lowdb/node';
import type { z } from 'zod';
import { ClipdeskError } from '../errors.js';

/**
 * A lowdb adapter that refuses to hand corrupt data to the app: JSON that does not parse or does not
 * match the schema becomes CORRUPT_LIBRARY naming the file, and the file itself is left untouched.
 * Writes go through steno (temp file + rename), so a crash never leaves a torn document.
 */
export function checkedJsonFile<T>(path: string, schema: z.ZodType<T>): DataFile<T> {
  return new DataFile<T>(path, {
    parse: (text) => parseChecked(path, text, schema),
    stringify: (data) => JSON.stringify(data),
  });
}

function parseChecked<T>(path: string, text: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ClipdeskError('CORRUPT_LIBRARY', `${path} is not valid JSON (the file was left as it is)`, { cause });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? ` at ${issue.path.join('.') || 'top level'}: ${issue.message}` : '';
    throw new ClipdeskError('CORRUPT_LIBRARY', `${path} does not have the shape of a Clipdesk file${where} (the file was left as it is)`);
  }
  return parsed.data;
}
