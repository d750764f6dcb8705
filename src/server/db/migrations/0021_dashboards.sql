-- Dashboards and open data: indexes behind the set-based aggregates and the round list's drill-down filters.

-- Realised benefits by effective year: options with an actual effective date, per city or district.
CREATE INDEX round_options_city_effective_idx ON round_options (city_code, actual_effective_on)
  WHERE actual_effective_on IS NOT NULL;
CREATE INDEX round_options_district_effective_idx ON round_options (district_code, actual_effective_on)
  WHERE actual_effective_on IS NOT NULL;

-- Rounds accepted per year: the transitions into 'accepted', per city or district, by time.
CREATE INDEX round_history_city_accepted_idx ON round_history (city_code, occurred_at) WHERE to_state = 'accepted';
CREATE INDEX round_history_district_accepted_idx ON round_history (district_code, occurred_at) WHERE to_state = 'accepted';

-- Open data: keyset pages (district, id) of one year's published list.
CREATE INDEX audit_rounds_open_list_idx ON audit_rounds (listing_year, district_code, id)
  WHERE list_published_on IS NOT NULL;
