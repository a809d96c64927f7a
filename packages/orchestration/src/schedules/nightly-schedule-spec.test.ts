import { SpecError } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { parseNightlyScheduleSpec } from './nightly-schedule-spec.js';

describe('nightly schedule options', () => {
  it('accepts a 5-field cron and an IANA time zone, defaulting to UTC and no force', () => {
    expect(parseNightlyScheduleSpec({ cron: '0 2 * * *' })).toEqual({
      cron: '0 2 * * *',
      timezone: 'UTC',
      force: false,
    });
    expect(
      parseNightlyScheduleSpec({ cron: '30 1 * * MON-FRI', timezone: 'Europe/Berlin', force: true }),
    ).toMatchObject({
      timezone: 'Europe/Berlin',
      force: true,
    });
  });

  it('names the bad option', () => {
    expect(() => parseNightlyScheduleSpec({ cron: '0 2 * *' })).toThrow(SpecError);
    expect(() => parseNightlyScheduleSpec({ cron: '0 2 * *' })).toThrow(/: cron must have 5 fields/);
    expect(() => parseNightlyScheduleSpec({ cron: '0 2 * * *', timezone: 'Mars/Olympus' })).toThrow(
      /: timezone must be an IANA time zone/,
    );
  });
});
