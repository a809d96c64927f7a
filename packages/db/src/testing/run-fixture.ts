import { randomUUID } from 'node:crypto';
import type { Db } from '../client/create-db.js';

export interface RunFixture {
  campaignId: string;
  runId: string;
  /** Shard ids in index order. */
  shardIds: string[];
}

/**
 * A campaign (unique name), pinned test model versions, one run and `shardCount` planned shards —
 * the rows candidates hang off. Pass `campaignId` to add another run to an existing campaign.
 */
export async function createRunFixture(
  db: Pick<Db, 'prisma'>,
  { shardCount = 2, campaignId }: { shardCount?: number; campaignId?: string } = {},
): Promise<RunFixture> {
  const { prisma } = db;
  const modelVersion = (kind: 'TC' | 'EF') =>
    prisma.modelVersion.upsert({
      where: { kind_version: { kind, version: 'fixture' } },
      create: { kind, version: 'fixture', path: `/models/${kind.toLowerCase()}/fixture`, manifest: {} },
      update: {},
    });
  const [tcModel, efModel] = [await modelVersion('TC'), await modelVersion('EF')];
  const campaign = campaignId
    ? { id: campaignId }
    : await prisma.campaign.create({
        data: { name: `fixture-${randomUUID()}`, spec: { bases: ['La2CuO4'] } },
      });
  const run = await prisma.run.create({
    data: { campaignId: campaign.id, tcModelVersionId: tcModel.id, efModelVersionId: efModel.id },
  });
  const shards = await prisma.shard.createManyAndReturn({
    data: Array.from({ length: shardCount }, (_, index) => ({
      runId: run.id,
      index,
      baseFormula: 'La2CuO4',
      seed: BigInt(index),
      candidateCount: 4096,
    })),
    select: { id: true, index: true },
  });
  shards.sort((a, b) => a.index - b.index);
  return { campaignId: campaign.id, runId: run.id, shardIds: shards.map((s) => s.id) };
}
