-- The "study received" event (no new instance for dcmStudyReceivedDelay): received_time holds
-- the study's updated_time at the moment its event fired, so the event fires once per burst of
-- instances, across restarts and across nodes (set by a conditional UPDATE). Its index lets the
-- poller find where it stopped (MAX(received_time)) without a scan.
ALTER TABLE study ADD COLUMN received_time TIMESTAMP;
CREATE INDEX study_received ON study (received_time);
