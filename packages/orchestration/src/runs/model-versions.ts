import type { Db } from '@kiago/db';
import { type CampaignSpec, NotFoundError } from '@kiago/shared';

export interface PinnedModelVersion {
  id: string;
  version: string;
}

export interface PinnedModelVersions {
  tc: PinnedModelVersion;
  ef: PinnedModelVersion;
  /** The Tc ensemble's members, in the spec's order (empty: none). */
  tcEnsemble: PinnedModelVersion[];
}

const DB_KIND = { tc: 'TC', ef: 'EF' } as const;

// Same rule as the gpu-worker's model registry (`latest` = the promoted version, not the newest);
// queried here directly so the orchestrator does not load TensorFlow.js to read two rows.
async function resolveOne(
  db: Pick<Db, 'prisma'>,
  kind: 'tc' | 'ef',
  selector: string,
): Promise<PinnedModelVersion> {
  const row = await db.prisma.modelVersion.findFirst({
    where:
      selector === 'latest'
        ? { kind: DB_KIND[kind], active: true }
        : { kind: DB_KIND[kind], version: selector },
    select: { id: true, version: true },
  });
  if (row) return row;
  throw selector === 'latest'
    ? new NotFoundError(
        `active ${kind} model version (register and promote one: kiago models promote)`,
        'latest',
      )
    : new NotFoundError(`${kind} model version`, selector);
}

/** The model versions a run of `spec` pins now (`models.tc` / `models.ef`: `latest` or a version). */
export async function resolveModelVersions(
  db: Pick<Db, 'prisma'>,
  models: CampaignSpec['models'],
): Promise<PinnedModelVersions> {
  const tcEnsemble: PinnedModelVersion[] = [];
  for (const version of models.tcEnsemble) tcEnsemble.push(await resolveOne(db, 'tc', version));
  return { tc: await resolveOne(db, 'tc', models.tc), ef: await resolveOne(db, 'ef', models.ef), tcEnsemble };
}
