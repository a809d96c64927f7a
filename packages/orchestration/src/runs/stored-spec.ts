import { type CampaignSpec, campaignSpecSchema, parseOrThrow } from '@kiago/shared';

/** A spec read back from the database, re-validated (a spec stored by an older version may no longer parse). */
export function parseStoredSpec(spec: unknown, campaignName: string): CampaignSpec {
  return parseOrThrow(campaignSpecSchema, spec, `stored spec of campaign ${JSON.stringify(campaignName)}`);
}
