-- The monitor's activity chart counts instances received per minute over the last hours
-- (GET /monitor/activity): without this index that is a scan of the whole instance table.
CREATE INDEX instance_created ON instance (created_time);
