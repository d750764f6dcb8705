import type { AuditStage } from '../../../shared/domain/auditStages';
import type { Queryable } from '../../db/types';
import { TS } from './repository';

/** A completed stage as stored. */
export interface StageRow {
  stage: AuditStage;
  position: number;
  completedOn: string;
  note: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

/** The completed stages of a round, in order. */
export async function completedStages(db: Queryable, roundId: string): Promise<StageRow[]> {
  const { rows } = await db.query<StageRow>(
    `SELECT s.stage, s.position, to_char(s.completed_on, 'YYYY-MM-DD') AS "completedOn", s.note,
            u.username AS "recordedBy", ${TS('s.recorded_at')} AS "recordedAt"
       FROM round_stages s LEFT JOIN users u ON u.id = s.recorded_by
      WHERE s.round_id = $1 ORDER BY s.position`,
    [roundId],
  );
  return rows;
}

export async function insertStage(
  db: Queryable,
  round: { id: string; cityCode: string; districtCode: string },
  s: { stage: AuditStage; position: number; completedOn: string; note: string | null },
  userId: string,
): Promise<void> {
  await db.query(
    `INSERT INTO round_stages (round_id, stage, position, completed_on, note, recorded_by, city_code, district_code)
     VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8)`,
    [round.id, s.stage, s.position, s.completedOn, s.note, userId, round.cityCode, round.districtCode],
  );
}
