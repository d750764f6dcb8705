-- Round list (GET /api/rounds): the other common orders under a year filter. "Recently changed first" within a city's or a
-- district's year scanned the global updated_at index backwards and filtered (≈140 ms on the national benchmark set);
-- a state filter within a year read the year's deadline order and filtered. With these, each is an ordered index range.
-- The order matches the list's ORDER BY exactly (DESC NULLS LAST, tie-breaker DESC), else PostgreSQL cannot use it.
CREATE INDEX audit_rounds_city_year_updated_idx ON audit_rounds (city_code, listing_year, updated_at DESC NULLS LAST, id DESC);
CREATE INDEX audit_rounds_district_year_updated_idx ON audit_rounds (district_code, listing_year, updated_at DESC NULLS LAST, id DESC);
-- "Recently changed first" over all years (a district's default work view).
CREATE INDEX audit_rounds_city_updated_idx ON audit_rounds (city_code, updated_at DESC NULLS LAST, id DESC);
CREATE INDEX audit_rounds_district_updated_idx ON audit_rounds (district_code, updated_at DESC NULLS LAST, id DESC);
CREATE INDEX audit_rounds_city_year_state_due_idx ON audit_rounds (city_code, listing_year, state, next_due_on, id);
