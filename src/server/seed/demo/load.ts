import type { Db } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import { SYSTEM_ACTOR } from '../../platform/context';
import { hashPassword } from '../../platform/auth/passwords';
import { insertEnterprise } from '../../modules/enterprises/repository';
import { CHONGQING_CODE } from '../reference/regions';
import { DEMO_PASSWORD, demoEnterprises, demoOrgs } from './demoData';
import { demoUsers } from './demoUsers';
import { seedDemoRounds } from './loadRounds';
import { seedDemoPanels } from './loadPanels';
import { seedDemoExpertWork } from './loadExpertWork';
import { seedDemoOptions } from './loadOptions';
import { seedDemoResults } from './loadResults';
import { backfillSignatures } from '../../modules/similarity/signatures';
import { seedDemoExperts } from './loadExperts';
import { seedDemoAgencies } from './loadAgencies';
import { seedDemoEnforcement } from './loadEnforcement';

export async function hasUsers(db: Db): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM users LIMIT 1');
  return rows.length > 0;
}

/**
 * Load the demo data set into an empty database (after seedReference): the agency, the
 * enterprises and one user per demo sign-in. Returns the usernames created.
 */
export async function seedDemo(db: Db): Promise<string[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const orgIds = new Map<string, string>();
    for (const org of demoOrgs) {
      const existing = await tx.query<{ id: string }>(
        `SELECT id FROM organizations WHERE kind = $1 AND city_code = $2
            AND district_code IS NOT DISTINCT FROM $3::text AND (kind <> 'agency' OR name = $4) LIMIT 1`,
        [org.kind, CHONGQING_CODE, org.districtCode, org.name],
      );
      let id = existing.rows[0]?.id;
      if (!id) {
        const inserted = await tx.query<{ id: string }>(
          `INSERT INTO organizations (kind, name, name_en, city_code, district_code, credit_code)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [org.kind, org.name, org.nameEn, CHONGQING_CODE, org.districtCode, org.creditCode],
        );
        id = inserted.rows[0]?.id;
      }
      if (!id) throw new Error(`demo organisation ${org.key} not created`);
      orgIds.set(org.key, id);
    }
    for (const e of demoEnterprises) {
      const { key, ...input } = e;
      orgIds.set(key, await insertEnterprise(tx, input, CHONGQING_CODE));
    }
    for (const u of demoUsers) {
      const orgId = orgIds.get(u.orgKey);
      if (!orgId) throw new Error(`demo user ${u.username} has unknown organisation ${u.orgKey}`);
      await tx.query(
        `INSERT INTO users (username, display_name, role, org_id, email, phone, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [u.username, u.displayName, u.role, orgId, u.email, u.phone, passwordHash],
      );
    }
    const lifecycle = await seedDemoRounds(tx, orgIds);
    const demoOptions = await seedDemoOptions(tx, orgIds);
    await backfillSignatures(tx);
    const demoResults = await seedDemoResults(tx);
    const panels = await seedDemoPanels(tx, orgIds);
    await seedDemoExpertWork(tx);
    const experts = await seedDemoExperts(tx, passwordHash);
    await seedDemoAgencies(tx, orgIds);
    await seedDemoEnforcement(tx, orgIds);
    await recordAudit(tx, SYSTEM_ACTOR, { ip: null, requestId: null }, {
      action: 'system.seeded',
      entityId: null,
      after: { dataSet: 'demo', enterprises: demoEnterprises.length, users: demoUsers.length, ...lifecycle, ...demoOptions, ...demoResults, panels, experts },
    });
    return demoUsers.map((u) => u.username);
  });
}
