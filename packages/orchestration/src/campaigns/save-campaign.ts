import { isDeepStrictEqual } from 'node:util';
import { type Db, Prisma } from '@kiago/db';
import { type CampaignSpec, SpecError } from '@kiago/shared';

export interface SavedCampaign {
  id: string;
  name: string;
  /** created: a new name; unchanged: the same spec as stored; replaced: `replaceSpec` overwrote another one. */
  change: 'created' | 'unchanged' | 'replaced';
}

/**
 * Stores a validated spec under its name. A name already holding a different spec is refused
 * unless `replaceSpec` (earlier runs then read the new spec when re-screened or retried).
 */
export async function saveCampaign(
  db: Pick<Db, 'prisma'>,
  spec: CampaignSpec,
  replaceSpec = false,
): Promise<SavedCampaign> {
  const json = spec as unknown as Prisma.InputJsonObject;
  const existing = await db.prisma.campaign.findUnique({ where: { name: spec.name } });
  if (!existing) {
    try {
      const created = await db.prisma.campaign.create({
        data: { name: spec.name, spec: json, nightly: spec.nightly },
      });
      return { id: created.id, name: created.name, change: 'created' };
    } catch (error) {
      // Launched twice at once: the other launch created it; compare with what it stored.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
      return saveCampaign(db, spec, replaceSpec);
    }
  }
  if (isDeepStrictEqual(existing.spec, JSON.parse(JSON.stringify(spec)))) {
    return { id: existing.id, name: existing.name, change: 'unchanged' };
  }
  if (!replaceSpec) {
    throw new SpecError(`campaign ${JSON.stringify(spec.name)}`, [
      {
        path: 'name',
        message:
          'a campaign of this name already exists with a different spec; rename it, or replace the stored spec',
      },
    ]);
  }
  await db.prisma.campaign.update({
    where: { id: existing.id },
    data: { spec: json, nightly: spec.nightly },
  });
  return { id: existing.id, name: existing.name, change: 'replaced' };
}
