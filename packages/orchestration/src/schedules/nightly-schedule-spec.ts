import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';

const CRON_FIELD = /^[\d*,/\-A-Za-z?LW#]+$/;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const scheduleSpecSchema = z.object({
  cron: z
    .string()
    .trim()
    .refine((value) => {
      const fields = value.split(/\s+/);
      return fields.length === 5 && fields.every((field) => CRON_FIELD.test(field));
    }, 'cron must have 5 fields: minute hour day-of-month month day-of-week, e.g. "0 2 * * *"'),
  timezone: z
    .string()
    .refine(isTimeZone, 'timezone must be an IANA time zone, e.g. "Europe/Berlin" or "UTC"')
    .default('UTC'),
  force: z.boolean().default(false),
  note: z.string().max(500, 'note must be at most 500 characters').optional(),
});

export type NightlyScheduleSpecInput = z.input<typeof scheduleSpecSchema>;
export type NightlyScheduleSpec = z.output<typeof scheduleSpecSchema>;

/** `kiago schedule nightly --cron … --tz …` options, checked before Temporal sees them. */
export function parseNightlyScheduleSpec(input: unknown): NightlyScheduleSpec {
  return parseOrThrow(scheduleSpecSchema, input, 'nightly schedule');
}
