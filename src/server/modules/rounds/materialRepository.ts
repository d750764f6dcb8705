import type { AuditMode, ReportVersion } from '../../../shared/contracts/roundMaterial';
import type { ListingReason } from '../../../shared/domain/listingReasons';
import type { DataScope } from '../../../shared/domain/roles';
import type { RoundState } from '../../../shared/domain/roundStates';
import type { Queryable } from '../../db/types';
import type { StoredFile } from '../../platform/files';
import { Params } from '../../platform/sql';
import { roundScope, TS } from './repository';

/** The columns of a round that its material needs (region keys, reasons, state, audit mode). */
export interface RoundKeys {
  id: string;
  state: RoundState;
  reasons: ListingReason[];
  cityCode: string;
  districtCode: string;
  auditMode: AuditMode | null;
}

/** Load a round in the caller's scope; `forUpdate` locks its row for the rest of the transaction. */
export async function findRoundKeys(
  db: Queryable,
  scope: DataScope,
  id: string,
  forUpdate = false,
): Promise<RoundKeys | undefined> {
  const p = new Params();
  const { rows } = await db.query<RoundKeys>(
    `SELECT r.id, r.state, r.reasons, r.city_code AS "cityCode", r.district_code AS "districtCode",
            r.audit_mode AS "auditMode"
       FROM audit_rounds r WHERE r.id = ${p.add(id)} AND ${roundScope(scope, p)}${forUpdate ? ' FOR UPDATE OF r' : ''}`,
    p.values,
  );
  return rows[0];
}

// --- files attached to a round ---

export async function linkFile(db: Queryable, round: RoundKeys, fileId: string, purpose: 'disclosure' | 'report') {
  await db.query(
    `INSERT INTO round_files (round_id, file_id, purpose, city_code, district_code) VALUES ($1, $2, $3, $4, $5)`,
    [round.id, fileId, purpose, round.cityCode, round.districtCode],
  );
}

/** The ids among `ids` that are files of the round for `purpose`. */
export async function roundFileIds(db: Queryable, roundId: string, ids: readonly string[], purpose: string) {
  if (!ids.length) return new Set<string>();
  const { rows } = await db.query<{ id: string }>(
    'SELECT file_id AS id FROM round_files WHERE round_id = $1 AND purpose = $2 AND file_id = ANY($3::uuid[])',
    [roundId, purpose, ids],
  );
  return new Set(rows.map((r) => r.id));
}

export async function findRoundFile(db: Queryable, roundId: string, fileId: string): Promise<StoredFile | undefined> {
  const { rows } = await db.query<StoredFile>(
    `SELECT f.id, f.sha256, f.size::int AS size, f.media_type AS "mediaType", f.original_name AS "originalName",
            ${TS('f.created_at')} AS "createdAt"
       FROM round_files rf JOIN files f ON f.id = rf.file_id WHERE rf.round_id = $1 AND rf.file_id = $2`,
    [roundId, fileId],
  );
  return rows[0];
}

// --- disclosure ---

export interface DisclosureRow {
  items: Record<string, string>;
  attachmentIds: string[];
  platformName: string | null;
  platformUrl: string | null;
  publishedAt: string | null;
  updatedAt: string;
}

export async function findDisclosure(db: Queryable, roundId: string): Promise<DisclosureRow | undefined> {
  const { rows } = await db.query<DisclosureRow>(
    `SELECT items, attachment_ids AS "attachmentIds", platform_name AS "platformName", platform_url AS "platformUrl",
            ${TS('published_at')} AS "publishedAt", ${TS('updated_at')} AS "updatedAt"
       FROM disclosures WHERE round_id = $1`,
    [roundId],
  );
  return rows[0];
}

export async function saveDisclosure(
  db: Queryable,
  round: RoundKeys,
  d: { items: Record<string, string>; attachmentIds: string[]; platformName: string | null; platformUrl: string | null },
  userId: string,
): Promise<void> {
  await db.query(
    `INSERT INTO disclosures (round_id, items, attachment_ids, platform_name, platform_url, updated_by, city_code, district_code)
     VALUES ($1, $2::jsonb, $3::uuid[], $4, $5, $6, $7, $8)
     ON CONFLICT (round_id) DO UPDATE SET items = EXCLUDED.items, attachment_ids = EXCLUDED.attachment_ids,
       platform_name = EXCLUDED.platform_name, platform_url = EXCLUDED.platform_url, updated_by = EXCLUDED.updated_by,
       updated_at = now()`,
    [round.id, JSON.stringify(d.items), d.attachmentIds, d.platformName, d.platformUrl, userId, round.cityCode, round.districtCode],
  );
}

export async function markDisclosurePublished(db: Queryable, roundId: string): Promise<void> {
  await db.query('UPDATE disclosures SET published_at = now(), updated_at = now() WHERE round_id = $1', [roundId]);
}

// --- audit mode and engagements ---

export interface ActiveEngagement {
  agencyId: string;
  agencyName: string;
  engagedAt: string;
}

export async function activeEngagement(db: Queryable, roundId: string): Promise<ActiveEngagement | undefined> {
  const { rows } = await db.query<ActiveEngagement>(
    `SELECT g.agency_id AS "agencyId", o.name AS "agencyName", ${TS('g.engaged_at')} AS "engagedAt"
       FROM round_engagements g JOIN organizations o ON o.id = g.agency_id
      WHERE g.round_id = $1 AND g.ended_at IS NULL`,
    [roundId],
  );
  return rows[0];
}

/** An agency organisation of the round's city, or undefined. */
export async function findAgency(db: Queryable, cityCode: string, agencyId: string) {
  const { rows } = await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM organizations WHERE id = $1 AND kind = 'agency' AND city_code = $2`,
    [agencyId, cityCode],
  );
  return rows[0];
}

export async function listAgencies(db: Queryable, cityCode: string) {
  const { rows } = await db.query<{ id: string; name: string; districtCode: string | null }>(
    `SELECT id, name, district_code AS "districtCode" FROM organizations
      WHERE kind = 'agency' AND city_code = $1 ORDER BY name, id`,
    [cityCode],
  );
  return rows;
}

/** End the round's active engagement, if any. */
export async function endEngagement(db: Queryable, roundId: string): Promise<void> {
  await db.query('UPDATE round_engagements SET ended_at = now() WHERE round_id = $1 AND ended_at IS NULL', [roundId]);
}

export async function insertEngagement(
  db: Queryable,
  round: Pick<RoundKeys, 'id' | 'cityCode' | 'districtCode'>,
  agencyId: string,
  engagedBy: string | null,
  engagedAt: string | null = null,
): Promise<void> {
  await db.query(
    `INSERT INTO round_engagements (round_id, agency_id, engaged_by, engaged_at, city_code, district_code)
     VALUES ($1, $2, $3, COALESCE($4::timestamptz, now()), $5, $6)`,
    [round.id, agencyId, engagedBy, engagedAt, round.cityCode, round.districtCode],
  );
}

export async function setAuditMode(db: Queryable, roundId: string, mode: AuditMode): Promise<void> {
  await db.query('UPDATE audit_rounds SET audit_mode = $2, updated_at = now() WHERE id = $1', [roundId, mode]);
}

// --- report versions ---

export async function insertReport(db: Queryable, round: RoundKeys, fileId: string, userId: string): Promise<number> {
  const { rows } = await db.query<{ version: number }>(
    `INSERT INTO round_reports (round_id, version, file_id, uploaded_by, city_code, district_code)
     SELECT $1, COALESCE(max(version), 0) + 1, $2, $3, $4, $5 FROM round_reports WHERE round_id = $1
     RETURNING version`,
    [round.id, fileId, userId, round.cityCode, round.districtCode],
  );
  const version = rows[0]?.version;
  if (version === undefined) throw new Error('report version not written');
  return version;
}

export async function listReports(db: Queryable, roundId: string): Promise<ReportVersion[]> {
  const { rows } = await db.query<{
    version: number;
    uploadedBy: string | null;
    uploadedAt: string;
    id: string;
    sha256: string;
    size: number;
    mediaType: string;
    originalName: string;
    createdAt: string;
  }>(
    `SELECT rr.version, u.username AS "uploadedBy", ${TS('rr.uploaded_at')} AS "uploadedAt",
            f.id, f.sha256, f.size::int AS size, f.media_type AS "mediaType", f.original_name AS "originalName",
            ${TS('f.created_at')} AS "createdAt"
       FROM round_reports rr JOIN files f ON f.id = rr.file_id LEFT JOIN users u ON u.id = rr.uploaded_by
      WHERE rr.round_id = $1 ORDER BY rr.version DESC`,
    [roundId],
  );
  return rows.map(({ version, uploadedBy, uploadedAt, ...file }) => ({ version, uploadedBy, uploadedAt, file }));
}

export async function reportCount(db: Queryable, roundId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM round_reports WHERE round_id = $1', [
    roundId,
  ]);
  return rows[0]?.n ?? 0;
}
