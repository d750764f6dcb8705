-- Round list performance (GET /api/rounds), found with EXPLAIN ANALYZE on the national benchmark set
-- (npm run bench, docs/PERFORMANCE.md).

-- 1. Pages in the default order (next deadline, then id) under the usual filters — a city's or a district's
--    rounds of one listing year — are an ordered index range: a page reads pageSize rows instead of sorting the year.
CREATE INDEX audit_rounds_city_year_due_idx ON audit_rounds (city_code, listing_year, next_due_on, id);
CREATE INDEX audit_rounds_district_year_due_idx ON audit_rounds (district_code, listing_year, next_due_on, id);

-- 2. Totals. An exact count(*) reads every matching row on every page (300,000 rows for a city's unfiltered list),
--    so the number of rounds per region, listing year, campaign and state is kept here, in the same transaction
--    as every change of audit_rounds (statement-level triggers over the transition tables; one upsert per
--    statement, in key order, and only for the buckets whose count changes). The list sums these rows when its
--    filters are among those keys (rounds/repository.ts); other filters still count the rows.
CREATE TABLE audit_round_counts (
  city_code     text NOT NULL,
  district_code text NOT NULL,
  listing_year  integer NOT NULL,
  campaign_id   uuid NOT NULL,
  state         text NOT NULL,
  n             bigint NOT NULL,
  PRIMARY KEY (city_code, district_code, listing_year, campaign_id, state)
);
CREATE INDEX audit_round_counts_district_idx ON audit_round_counts (district_code, listing_year, state);

INSERT INTO audit_round_counts (city_code, district_code, listing_year, campaign_id, state, n)
SELECT city_code, district_code, listing_year, campaign_id, state, count(*)
  FROM audit_rounds GROUP BY city_code, district_code, listing_year, campaign_id, state;

CREATE FUNCTION audit_round_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_round_counts AS c (city_code, district_code, listing_year, campaign_id, state, n)
  SELECT city_code, district_code, listing_year, campaign_id, state, sum(d)
    FROM (SELECT city_code, district_code, listing_year, campaign_id, state, 1 AS d FROM new_rows) x
   GROUP BY city_code, district_code, listing_year, campaign_id, state
  HAVING sum(d) <> 0
   ORDER BY city_code, district_code, listing_year, campaign_id, state
  ON CONFLICT (city_code, district_code, listing_year, campaign_id, state) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;

CREATE FUNCTION audit_round_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_round_counts AS c (city_code, district_code, listing_year, campaign_id, state, n)
  SELECT city_code, district_code, listing_year, campaign_id, state, sum(d)
    FROM (SELECT city_code, district_code, listing_year, campaign_id, state, 1 AS d FROM new_rows
          UNION ALL SELECT city_code, district_code, listing_year, campaign_id, state, -1 AS d FROM old_rows) x
   GROUP BY city_code, district_code, listing_year, campaign_id, state
  HAVING sum(d) <> 0
   ORDER BY city_code, district_code, listing_year, campaign_id, state
  ON CONFLICT (city_code, district_code, listing_year, campaign_id, state) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;

CREATE FUNCTION audit_round_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_round_counts AS c (city_code, district_code, listing_year, campaign_id, state, n)
  SELECT city_code, district_code, listing_year, campaign_id, state, sum(d)
    FROM (SELECT city_code, district_code, listing_year, campaign_id, state, -1 AS d FROM old_rows) x
   GROUP BY city_code, district_code, listing_year, campaign_id, state
  HAVING sum(d) <> 0
   ORDER BY city_code, district_code, listing_year, campaign_id, state
  ON CONFLICT (city_code, district_code, listing_year, campaign_id, state) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;

CREATE TRIGGER audit_round_counts_on_insert AFTER INSERT ON audit_rounds
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_round_counts_insert();
CREATE TRIGGER audit_round_counts_on_update AFTER UPDATE ON audit_rounds
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_round_counts_update();
CREATE TRIGGER audit_round_counts_on_delete AFTER DELETE ON audit_rounds
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_round_counts_delete();
