-- H2 has no SQL triggers (only Java classes), so on H2 nothing here refuses an UPDATE or DELETE of
-- audit_event. The application never issues one (AuditAppendOnlyTests scans the sources), and the
-- hash chain detects any change made from outside. PostgreSQL, used in production, has the triggers
-- in db/vendor/postgresql/V0021__audit_forbid_update_delete.sql; this file keeps both databases at
-- the same schema version.
COMMENT ON TABLE audit_event IS 'Append-only audit trail: events are never updated or deleted.';
