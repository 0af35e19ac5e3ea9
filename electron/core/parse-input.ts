import type { z } from 'zod';
import { ClipdeskError } from './errors.js';

/** Validates a payload at the facade's edge; the first problem becomes a BAD_INPUT a person can act on. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new ClipdeskError('BAD_INPUT', `${where}${issue?.message ?? 'invalid input'}`);
}
