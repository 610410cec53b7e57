-- Bulk data elements of an instance other than its pixel data (binary values of 1 KB and more:
-- overlays, waveforms, icons, large private values), which its attrs leave out: one line per
-- element, "<path> <VR> <length>", the path as in a WADO-RS bulk data URL (00431029,
-- 54000100/0/54001010). WADO-RS metadata announces each by a BulkDataURI without opening the
-- stored object. NULL when there are none (and for instances stored before this version).
ALTER TABLE instance ADD COLUMN bulk_data VARCHAR;
