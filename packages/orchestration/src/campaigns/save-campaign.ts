import { isDeepStrictEqual } from 'node:util';
import { type Db, Prisma } from '@kiago/db';
import { type CampaignSpec, ConflictError } from '@kiago/shared';

export interface SavedCampaign {
  id: string;
  name: string;
  /** created: a new name; unchanged: the same spec as stored; replaced: `replaceSpec` overwrote another one. */
  change: 'created' | 'unchanged' | 'replaced';
}

/** What a launch must put back if its workflow never starts (see undoSaveCampaign). */
export interface CampaignSave {
  saved: SavedCampaign;
  /** The spec that `replaced` overwrote. */
  previous?: { spec: Prisma.InputJsonValue; nightly: boolean };
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
  return (await saveCampaignUndoably(db, spec, replaceSpec)).saved;
}

/** saveCampaign, returning what undoSaveCampaign needs to put the row back as it was. */
export async function saveCampaignUndoably(
  db: Pick<Db, 'prisma'>,
  spec: CampaignSpec,
  replaceSpec = false,
): Promise<CampaignSave> {
  const json = spec as unknown as Prisma.InputJsonObject;
  const existing = await db.prisma.campaign.findUnique({ where: { name: spec.name } });
  if (!existing) {
    try {
      const created = await db.prisma.campaign.create({
        data: { name: spec.name, spec: json, nightly: spec.nightly },
      });
      return { saved: { id: created.id, name: created.name, change: 'created' } };
    } catch (error) {
      // Launched twice at once: the other launch created it; compare with what it stored.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
      return saveCampaignUndoably(db, spec, replaceSpec);
    }
  }
  if (isDeepStrictEqual(existing.spec, JSON.parse(JSON.stringify(spec)))) {
    return { saved: { id: existing.id, name: existing.name, change: 'unchanged' } };
  }
  if (!replaceSpec) {
    // 409 in the API: a concurrent launch of another spec under this name may have just won.
    throw new ConflictError(
      `campaign ${JSON.stringify(spec.name)}`,
      'name',
      'a campaign of this name already exists with a different spec; rename it, or replace the stored spec',
    );
  }
  await db.prisma.campaign.update({
    where: { id: existing.id },
    data: { spec: json, nightly: spec.nightly },
  });
  return {
    saved: { id: existing.id, name: existing.name, change: 'replaced' },
    previous: { spec: existing.spec as Prisma.InputJsonValue, nightly: existing.nightly },
  };
}

/**
 * Puts the campaign row back after a launch whose workflow did not start: a created campaign is
 * deleted unless a run (another launch's) already uses it; a replaced spec is restored.
 */
export async function undoSaveCampaign(db: Pick<Db, 'prisma'>, save: CampaignSave): Promise<void> {
  const { saved, previous } = save;
  if (saved.change === 'created') {
    await db.prisma.campaign.deleteMany({ where: { id: saved.id, runs: { none: {} } } });
  } else if (saved.change === 'replaced' && previous) {
    await db.prisma.campaign.update({ where: { id: saved.id }, data: previous });
  }
}
