-- The review meeting of an expert panel (date and place), set by the district that formed it; shown in calendars.
ALTER TABLE review_panels
  ADD COLUMN meeting_on    date,
  ADD COLUMN meeting_place text CHECK (meeting_place IS NULL OR length(meeting_place) BETWEEN 1 AND 200);
CREATE INDEX review_panels_meeting_idx ON review_panels (meeting_on) WHERE meeting_on IS NOT NULL AND decided_at IS NULL;
