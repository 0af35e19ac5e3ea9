import type { z } from 'zod';
import { ClipdeskError } from './errors.js';

/**
 * The first problem zod found, as "where: what" a person can act on (one line: it ends up in a toast,
 * a dialog or a terminal). `whole` names the value itself when the problem is not inside it.
 */
export function describeInvalid(error: z.ZodError, whole?: string): string {
  const issue = error.issues[0];
  if (!issue) return `invalid ${whole ?? 'input'}`;
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : whole;
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Validates a payload at an edge of the core; the first problem becomes a BAD_INPUT. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, whole?: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ClipdeskError('BAD_INPUT', describeInvalid(parsed.error, whole));
}
