-- A fifth record kind, incident_report (accident and incident narratives, near misses): quality reports now get
-- defect classes (Dimensional, Surface, ...), which do not describe incidents; incidents keep failure modes.
ALTER TABLE records DROP CONSTRAINT records_kind_check;
ALTER TABLE records ADD CONSTRAINT records_kind_check
    CHECK (kind IN ('maintenance_log', 'work_order', 'inspection_note', 'quality_report', 'incident_report'));
