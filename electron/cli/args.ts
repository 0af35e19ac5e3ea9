/** Checks of the CLI's arguments: a wrong one is BAD_INPUT (exit code 2) with the form to use. */
import { ClipdeskError } from '../core/index.js';

export function need(args: string[], count: number, form: string): string[] {
  if (args.length < count) throw usage(`usage: clipdesk ${form}`);
  return args;
}

export function one(args: string[], form: string): string {
  const [first] = need(args, 1, form);
  return first ?? '';
}

export function number(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw usage(`${name} needs a whole number above 0, not "${value}"`);
  return parsed;
}

export function oneOf(value: string, allowed: readonly string[], name: string): string {
  if (!allowed.includes(value)) throw usage(`${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value;
}

export function usage(message: string): ClipdeskError {
  return new ClipdeskError('BAD_INPUT', message);
}
