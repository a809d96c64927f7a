import type { z } from 'zod';
import { SpecError, type SpecIssue } from './errors.js';

/** Turns zod issues into SpecIssues whose `path` names the field (`bases.2`, `mode.targetElement`). */
export function toSpecIssues(error: z.ZodError): SpecIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** Parses `input` with `schema` or throws a SpecError naming every bad field and the source. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, source: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new SpecError(source, toSpecIssues(result.error));
  return result.data;
}
