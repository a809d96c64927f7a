import type { Db } from '@kiago/db';
import { NotFoundError } from '@kiago/shared';

export interface CampaignRow {
  id: string;
  name: string;
  nightly: boolean;
  spec: unknown;
  createdAt: Date;
  updatedAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A campaign by id or by name (people type names, scripts pass ids). */
export async function findCampaign(db: Pick<Db, 'pool'>, nameOrId: string): Promise<CampaignRow> {
  const byId = UUID.test(nameOrId);
  const { rows } = await db.pool.query<CampaignRow>(
    `SELECT id, name, nightly, spec, created_at AS "createdAt", updated_at AS "updatedAt"
     FROM campaigns WHERE ${byId ? 'id = $1::text::uuid OR ' : ''}name = $1::text`,
    [nameOrId],
  );
  const campaign = rows[0];
  if (!campaign) throw new NotFoundError('campaign', nameOrId);
  return campaign;
}
