-- Fills an empty Arca index (tables made by Flyway at start) with synthetic rows, straight in
-- SQL: :patients patients x 10 studies x 1 series x 10 instances (10,000 patients: 1,000,000
-- instances), each level with attrs encoded as Explicit VR Little Endian like the store writes
-- them, so C-FIND builds real responses. Patient IDs are P0000001, ...; no files behind them.
-- psql -v patients=10000 -f gen-index.sql
\set ON_ERROR_STOP on
CREATE FUNCTION pg_temp.le16(n int) RETURNS bytea LANGUAGE sql IMMUTABLE AS
  $$ SELECT decode(lpad(to_hex(n & 255), 2, '0') || lpad(to_hex(n >> 8), 2, '0'), 'hex') $$;
-- one element, short-length VR; value padded to even length (UI with NUL, others with space)
CREATE FUNCTION pg_temp.el(g int, e int, vr text, v text) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
  SELECT pg_temp.le16(g) || pg_temp.le16(e) || convert_to(vr, 'UTF8') || pg_temp.le16(octet_length(p)) || p
  FROM (SELECT convert_to(v, 'UTF8') || CASE WHEN length(v) % 2 = 0 THEN ''::bytea
               WHEN vr = 'UI' THEN '\x00'::bytea ELSE '\x20'::bytea END AS p) x
$$;

INSERT INTO patient (pk, pat_id, pat_id_issuer, pat_name, pat_name_norm, pat_birthdate, pat_sex, num_studies,
                     created_time, updated_time, attrs)
SELECT i, 'P' || lpad(i::text, 7, '0'), '', 'DOE^JOHN' || i, 'DOE^JOHN' || i, '19700101', 'M', 10,
       now(), now(),
       pg_temp.el(16, 16, 'PN', 'DOE^JOHN' || i) || pg_temp.el(16, 32, 'LO', 'P' || lpad(i::text, 7, '0'))
    || pg_temp.el(16, 48, 'DA', '19700101') || pg_temp.el(16, 64, 'CS', 'M')
FROM generate_series(1, :patients) i;

INSERT INTO study (pk, patient_fk, study_iuid, study_date, study_time, accession_no, study_id, ref_phys_name,
                   ref_phys_norm, study_desc, mods_in_study, num_series, num_instances, created_time,
                   updated_time, attrs)
SELECT s, (s - 1) / 10 + 1, '2.25.1.' || s, '2024' || lpad((1 + s % 12)::text, 2, '0') || '15', '120000',
       'A' || s, 'S' || s, 'REF^DOC', 'REF^DOC', 'CT CHEST', '\CT\', 1, 10, now(), now(),
       pg_temp.el(8, 32, 'DA', '2024' || lpad((1 + s % 12)::text, 2, '0') || '15')
    || pg_temp.el(8, 48, 'TM', '120000') || pg_temp.el(8, 80, 'SH', 'A' || s)
    || pg_temp.el(8, 144, 'PN', 'REF^DOC') || pg_temp.el(8, 4144, 'LO', 'CT CHEST')
    || pg_temp.el(32, 13, 'UI', '2.25.1.' || s) || pg_temp.el(32, 16, 'SH', 'S' || s)
FROM generate_series(1, :patients * 10) s;

INSERT INTO series (pk, study_fk, series_iuid, modality, series_no, series_desc, body_part, station_name,
                    institution, src_aet, num_instances, created_time, updated_time, attrs)
SELECT s, s, '2.25.2.' || s, 'CT', 1, 'AXIAL', 'CHEST', 'CT1', 'HOSPITAL', 'MODALITY', 10, now(), now(),
       pg_temp.el(8, 96, 'CS', 'CT') || pg_temp.el(32, 14, 'UI', '2.25.2.' || s) || pg_temp.el(32, 17, 'IS', '1')
FROM generate_series(1, :patients * 10) s;

INSERT INTO instance (pk, series_fk, sop_iuid, sop_cuid, inst_no, content_date, content_time, created_time, attrs)
SELECT n, (n - 1) / 10 + 1, '2.25.3.' || n, '1.2.840.10008.5.1.4.1.1.2', (n - 1) % 10 + 1, '20240115', '120000',
       now(),
       pg_temp.el(8, 22, 'UI', '1.2.840.10008.5.1.4.1.1.2') || pg_temp.el(8, 24, 'UI', '2.25.3.' || n)
    || pg_temp.el(32, 19, 'IS', ((n - 1) % 10 + 1)::text)
FROM generate_series(1, :patients * 100) n;

INSERT INTO location (pk, instance_fk, storage_id, storage_path, tsuid, object_size, digest, status, created_time)
SELECT n, n, 'fs1', 'gen/' || n, '1.2.840.10008.1.2.1', 524288, NULL, 0, now()
FROM generate_series(1, :patients * 100) n;

-- identity columns continue after the generated keys
SELECT setval(pg_get_serial_sequence('patient', 'pk'), (SELECT max(pk) FROM patient));
SELECT setval(pg_get_serial_sequence('study', 'pk'), (SELECT max(pk) FROM study));
SELECT setval(pg_get_serial_sequence('series', 'pk'), (SELECT max(pk) FROM series));
SELECT setval(pg_get_serial_sequence('instance', 'pk'), (SELECT max(pk) FROM instance));
SELECT setval(pg_get_serial_sequence('location', 'pk'), (SELECT max(pk) FROM location));
ANALYZE patient, study, series, instance, location;
