#pragma once
// The central database, in SQL both SQLite and PostgreSQL accept. Personal data (the person
// objects of applications and enrollments) is the office's to keep; devices hold it sealed.
namespace dc::server {

inline constexpr const char* kServerSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (
  token_hash TEXT PRIMARY KEY,
  note TEXT NOT NULL DEFAULT '',
  expires_at BIGINT NOT NULL,
  request_id TEXT,
  device_id TEXT,
  office TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '',
  secret TEXT NOT NULL,
  enrolled_at BIGINT NOT NULL,
  last_seen BIGINT,
  version TEXT NOT NULL DEFAULT '',
  queue_depth BIGINT NOT NULL DEFAULT 0,
  oldest_pending BIGINT NOT NULL DEFAULT 0,
  quarantined BIGINT NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  disk_free BIGINT NOT NULL DEFAULT 0,
  office TEXT NOT NULL DEFAULT '',
  sync_interval BIGINT NOT NULL DEFAULT 0,
  revoked INTEGER NOT NULL DEFAULT 0);
-- What was pushed to devices from the console, by whom (target: '*', 'office:NAME' or a device id).
CREATE TABLE IF NOT EXISTS config_history (
  seq BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  user_name TEXT NOT NULL,
  target TEXT NOT NULL,
  change TEXT NOT NULL);
-- The change log devices pull: one row per record, moved to a new seq on every change;
-- a deleted record stays as a tombstone (deleted = 1).
CREATE TABLE IF NOT EXISTS catalog (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  seq BIGINT NOT NULL UNIQUE,
  deleted INTEGER NOT NULL DEFAULT 0,
  body TEXT NOT NULL,
  PRIMARY KEY (kind, id));
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  course_id TEXT NOT NULL,
  capacity BIGINT NOT NULL,
  seats_taken BIGINT NOT NULL DEFAULT 0,
  waitlisted BIGINT NOT NULL DEFAULT 0);
-- Every pushed record id ever seen, with the answer given: a retry gets the same answer.
CREATE TABLE IF NOT EXISTS received (
  id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  outcome TEXT NOT NULL,
  result TEXT NOT NULL DEFAULT '{}',
  reason TEXT NOT NULL DEFAULT '',
  received_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS applications (
  id TEXT PRIMARY KEY,
  record_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  reference_code TEXT NOT NULL,
  job_id TEXT NOT NULL,
  person TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  received_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS enrollments (
  id TEXT PRIMARY KEY,
  record_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  reference_code TEXT NOT NULL,
  course_id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  person TEXT NOT NULL,
  status TEXT NOT NULL,
  waitlist_position BIGINT,
  received_at BIGINT NOT NULL);
-- Anonymous usage counts per device and day; a device sends the day's totals, so a repeat sets
-- the same numbers again.
CREATE TABLE IF NOT EXISTS daily_counts (
  device_id TEXT NOT NULL,
  day TEXT NOT NULL,
  metric TEXT NOT NULL,
  dimension TEXT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (device_id, day, metric, dimension));
-- Attachments (ID photos) arrive in chunks; received counts the bytes held from the start.
-- Chunks are kept as base64 text, which both backends store the same way.
CREATE TABLE IF NOT EXISTS attachments (
  id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT '',
  record_id TEXT NOT NULL DEFAULT '',
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  received BIGINT NOT NULL DEFAULT 0,
  complete INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS attachment_chunks (
  id TEXT NOT NULL,
  start_at BIGINT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (id, start_at));
-- Other records devices send (registrations made with a clerk, consents, events), kept as sent
-- for the office's systems; the kinds are listed in central_service.cpp.
CREATE TABLE IF NOT EXISTS intake (
  record_id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  received_at BIGINT NOT NULL);
-- Changes the office made to a device's records, for the device to pick up with its heartbeat.
CREATE TABLE IF NOT EXISTS status_updates (
  seq BIGINT PRIMARY KEY,
  device_id TEXT NOT NULL,
  subject TEXT NOT NULL,
  status TEXT NOT NULL,
  waitlist_position BIGINT,
  message TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS status_updates_by_device ON status_updates (device_id, seq);
-- Configuration for devices: device_id '*' for all, or one device's own (which wins).
CREATE TABLE IF NOT EXISTS device_config (
  device_id TEXT PRIMARY KEY,
  config TEXT NOT NULL);
-- The office console: staff accounts (argon2id hashes), their sessions (only a hash of the
-- cookie is kept), every decision and view of a person's data (audit), decisions with the message
-- to the person, a version per record so two caseworkers cannot both decide from the same state,
-- and the acknowledgements of calls for a clerk.
CREATE TABLE IF NOT EXISTS staff_users (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  failed_logins BIGINT NOT NULL DEFAULT 0,
  locked_until BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  office TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS staff_sessions (
  token_hash TEXT PRIMARY KEY,
  user_name TEXT NOT NULL,
  csrf TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS audit_log (
  seq BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS record_versions (
  record TEXT PRIMARY KEY,
  version BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS decisions (
  seq BIGINT PRIMARY KEY,
  record TEXT NOT NULL,
  status TEXT NOT NULL,
  message TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  user_name TEXT NOT NULL,
  at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS decisions_by_record ON decisions (record, seq);
CREATE TABLE IF NOT EXISTS call_acks (
  record_id TEXT PRIMARY KEY,
  user_name TEXT NOT NULL,
  at BIGINT NOT NULL);
-- Text messages to people's phones, queued with the decision they tell of; a sender hands them to
-- the SMS gateway (state waiting -> sent, or failed after its attempts).
CREATE TABLE IF NOT EXISTS sms_outbox (
  id BIGINT PRIMARY KEY,
  record TEXT NOT NULL,
  number TEXT NOT NULL,
  text TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts BIGINT NOT NULL DEFAULT 0,
  next_at BIGINT NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  sent_at BIGINT);
-- Job feeds (uploaded, or fetched from url every every_hours) and each run's report: the counts,
-- and the postings named with what became of them (items, a JSON list).
CREATE TABLE IF NOT EXISTS feeds (
  name TEXT PRIMARY KEY,
  url TEXT NOT NULL DEFAULT '',
  every_hours BIGINT NOT NULL DEFAULT 0,
  office TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  next_run_at BIGINT NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS feed_runs (
  seq BIGINT PRIMARY KEY,
  feed TEXT NOT NULL,
  at BIGINT NOT NULL,
  by_user TEXT NOT NULL,
  added BIGINT NOT NULL DEFAULT 0,
  changed BIGINT NOT NULL DEFAULT 0,
  unchanged BIGINT NOT NULL DEFAULT 0,
  closed BIGINT NOT NULL DEFAULT 0,
  refused BIGINT NOT NULL DEFAULT 0,
  noted BIGINT NOT NULL DEFAULT 0,
  error TEXT NOT NULL DEFAULT '',
  items TEXT NOT NULL DEFAULT '[]');
-- A course place whose holder finished the course (the reports count completions).
CREATE TABLE IF NOT EXISTS completions (
  enrollment_id TEXT PRIMARY KEY,
  at BIGINT NOT NULL,
  by_user TEXT NOT NULL);
-- The few records the server refused, by kiosk and reason (the kiosks page says why they were set aside).
CREATE INDEX IF NOT EXISTS received_rejected ON received (device_id, reason) WHERE outcome = 'rejected';
CREATE INDEX IF NOT EXISTS feed_runs_by_feed ON feed_runs (feed, seq);
CREATE INDEX IF NOT EXISTS sms_outbox_due ON sms_outbox (state, next_at);
CREATE INDEX IF NOT EXISTS sms_outbox_by_record ON sms_outbox (record, id);
CREATE INDEX IF NOT EXISTS devices_by_office ON devices (office, id);
CREATE INDEX IF NOT EXISTS applications_by_time ON applications (received_at, id);
CREATE INDEX IF NOT EXISTS applications_by_code ON applications (reference_code);
CREATE INDEX IF NOT EXISTS applications_by_status ON applications (status, received_at, id);
CREATE INDEX IF NOT EXISTS applications_by_job ON applications (job_id, received_at, id);
CREATE INDEX IF NOT EXISTS enrollments_by_time ON enrollments (received_at, id);
CREATE INDEX IF NOT EXISTS enrollments_by_course ON enrollments (course_id, received_at, id);
CREATE INDEX IF NOT EXISTS intake_by_kind ON intake (kind, received_at);
CREATE INDEX IF NOT EXISTS enrollments_by_session ON enrollments (session_id, status, waitlist_position);
CREATE INDEX IF NOT EXISTS enrollments_by_code ON enrollments (reference_code);
)SQL";

}  // namespace dc::server
