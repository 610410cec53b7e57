package org.arca.ejb.store;

import static org.arca.ejb.index.Normalized.fit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.dict.Tag;
import org.arca.ejb.index.InstanceCounters;
import org.arca.ejb.index.Level;
import org.arca.ejb.index.Location;
import org.arca.ejb.index.Normalized;
import org.arca.ejb.index.StoredAttributes;

/**
 * Writes one stored instance into the index in one transaction: patient, study and series
 * when new (with their attributes), the instance and its location; the instance counters
 * follow after its commit. Two stores
 * racing to create the same patient/study/series meet at a unique index; the loser retries.
 */
final class IndexUpdate {
    private static final int MAX_ATTEMPTS = 3;
    private static final String UNIQUE_VIOLATION = "23505";

    /** The outcome: stored, or ignored as a duplicate; {@code replaced} lists superseded copies. */
    record Outcome(boolean ignored, List<Location> replaced) {
    }

    /** An instance whose series belongs to another study (or similar) that cannot be indexed. */
    static final class Conflict extends Exception {
        Conflict(String message) {
            super(message);
        }
    }

    private final DataSource dataSource;
    private final OverwritePolicies overwritePolicies;
    private final InstanceCounters counters;
    private volatile InstanceInsert instanceInsert;

    IndexUpdate(DataSource dataSource, OverwritePolicies overwritePolicies) {
        this.dataSource = dataSource;
        this.overwritePolicies = overwritePolicies;
        this.counters = InstanceCounters.of(dataSource);
    }

    InstanceCounters counters() {
        return counters;
    }

    /** The object's storage commit failed: nothing was committed to the index. */
    static final class NotDurable extends Exception {
        NotDurable(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Runs the statements while the object is still being made durable ({@code durable}), and
     * commits only once it is: the statements overlap the fsync, the commit never precedes it,
     * so there is never an index row without its file. {@code early}, when it succeeded, is
     * the transaction begun from the header while the object was received; otherwise (failed,
     * raced with another store) the whole update runs here, with retries.
     */
    Outcome record(StoredInstance inst, CompletableFuture<Void> durable, StorePhases phases,
                   CompletableFuture<IndexTransaction> early) throws SQLException, Conflict, NotDurable {
        IndexTransaction t = early == null ? null : early.exceptionally(e -> null).join();
        if (t != null) {
            try {
                return t.finish(inst, durable, phases);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            } finally {
                t.close();
            }
        }
        return record(inst, durable, phases);
    }

    Outcome record(StoredInstance inst, CompletableFuture<Void> durable, StorePhases phases) throws SQLException, Conflict, NotDurable {
        for (int attempt = 1; ; attempt++) {
            try (IndexTransaction t = begin(inst.context(), inst.header())) {
                return t.finish(inst, durable, phases);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Begins the index transaction from the header alone, while the rest of the object is still
     * being received: connection checkout, lookups, overwrite policy, patient/study/series
     * created when new. The caller closes it (or {@link #record} does).
     */
    IndexTransaction begin(StoreContext ctx, Attributes header) throws SQLException, Conflict {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(false);
            Timestamp now = new Timestamp(System.currentTimeMillis());
            Parents p = resolve(c, new StoredInstance(ctx, header, null), now);
            return new IndexTransaction(this, c, p, now);
        } catch (SQLException | Conflict | RuntimeException e) {
            // roll back first: release() turns auto-commit on, which would commit what the
            // failed statement left (H2 keeps the transaction open after a unique violation, so
            // a patient's num_studies went up twice when two stores raced for one new study)
            rollback(c);
            IndexTransaction.release(c);
            throw e;
        }
    }

    /** What the instance row needs, known from the header: its series and study, or "ignore". */
    record Parents(boolean ignored, List<Location> replaced, long seriesPk, long studyPk) {
    }

    static void awaitDurable(CompletableFuture<Void> durable) throws NotDurable {
        try {
            durable.join();
        } catch (CompletionException | CancellationException e) {
            throw new NotDurable(e.getCause() == null ? e : e.getCause());
        }
    }

    InstanceInsert instanceInsert(Connection c) throws SQLException {
        InstanceInsert i = instanceInsert;
        if (i == null) {
            instanceInsert = i = InstanceInsert.of(c);
        }
        return i;
    }

    static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; nothing was committed
        }
    }

    /** Everything but the instance row; {@code inst}'s location is not used. */
    private Parents resolve(Connection c, StoredInstance inst, Timestamp now) throws SQLException, Conflict {
        Attributes h = inst.header();
        List<Location> replaced = new ArrayList<>();
        String studyIuid = h.getString(Tag.StudyInstanceUID);
        String seriesIuid = h.getString(Tag.SeriesInstanceUID);
        Long existing = null;
        long seriesPk = -1;
        long studyPk = -1;
        // the instance (already stored?) and its series (known?) in one round trip
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1, pk, CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(64)) FROM instance WHERE sop_iuid = ?"
                        + " UNION ALL SELECT 2, se.pk, st.pk, st.study_iuid FROM series se"
                        + " JOIN study st ON st.pk = se.study_fk WHERE se.series_iuid = ?")) {
            ps.setString(1, inst.context().sopInstanceUID());
            ps.setString(2, seriesIuid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(1) == 1) {
                        existing = rs.getLong(2);
                    } else if (!studyIuid.equals(rs.getString(4))) {
                        throw new Conflict("Series " + seriesIuid + " belongs to study " + rs.getString(4));
                    } else {
                        seriesPk = rs.getLong(2);
                        studyPk = rs.getLong(3);
                    }
                }
            }
        }
        if (existing != null) {
            if (!overwritePolicies.overwrites(c, existing, inst)) {
                return new Parents(true, List.of(), -1, -1);
            }
            replaced.addAll(deleteInstance(c, existing));
        }
        if (seriesPk < 0) {
            studyPk = findOrCreateStudy(c, h, studyIuid, now);
            seriesPk = insertSeries(c, h, studyPk, inst.context().callingAET(), now);
        }
        return new Parents(false, replaced, seriesPk, studyPk);
    }

    /** Removes an instance being replaced; returns its locations, whose objects go after commit. */
    private static List<Location> deleteInstance(Connection c, long pk) throws SQLException {
        List<Location> locs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT storage_id, storage_path, tsuid, object_size, digest FROM location WHERE instance_fk = ?")) {
            ps.setLong(1, pk);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    locs.add(new Location(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE series SET num_instances = num_instances - 1 WHERE pk = (SELECT series_fk FROM instance WHERE pk = ?)")) {
            ps.setLong(1, pk);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE study SET num_instances = num_instances - 1 WHERE pk = (SELECT se.study_fk FROM series se"
                        + " JOIN instance i ON i.series_fk = se.pk WHERE i.pk = ?)")) {
            ps.setLong(1, pk);
            ps.executeUpdate();
        }
        for (String sql : new String[] {"DELETE FROM location WHERE instance_fk = ?", "DELETE FROM instance WHERE pk = ?"}) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, pk);
                ps.executeUpdate();
            }
        }
        return locs;
    }

    private long findOrCreateStudy(Connection c, Attributes h, String studyIuid, Timestamp now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pk FROM study WHERE study_iuid = ?")) {
            ps.setString(1, studyIuid);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        long patientPk = findOrCreatePatient(c, h, now);
        String refPhys = h.getString(Tag.ReferringPhysicianName);
        return insert(c, "INSERT INTO study (patient_fk, study_iuid, study_date, study_time, accession_no, study_id,"
                        + " ref_phys_name, ref_phys_norm, study_desc, mods_in_study, num_series, num_instances,"
                        + " created_time, updated_time, attrs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '\\', 0, 0, ?, ?, ?)",
                patientPk, studyIuid, Normalized.date(h.getString(Tag.StudyDate)),
                Normalized.time(h.getString(Tag.StudyTime)), fit(h.getString(Tag.AccessionNumber), 64),
                fit(h.getString(Tag.StudyID), 64), fit(refPhys, 1024), fit(Normalized.personName(refPhys), 1024),
                fit(h.getString(Tag.StudyDescription), 1024), now, now, StoredAttributes.encode(h, Level.STUDY));
    }

    private long findOrCreatePatient(Connection c, Attributes h, Timestamp now) throws SQLException {
        String id = fit(h.getString(Tag.PatientID), 64);
        String issuer = fit(h.getString(Tag.IssuerOfPatientID, ""), 64);
        if (id != null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT pk FROM patient WHERE pat_id = ? AND pat_id_issuer = ?")) {
                ps.setString(1, id);
                ps.setString(2, issuer);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long pk = rs.getLong(1);
                        update(c, "UPDATE patient SET num_studies = num_studies + 1, updated_time = ? WHERE pk = ?",
                                now, pk);
                        return pk;
                    }
                }
            }
        }
        String name = h.getString(Tag.PatientName);
        return insert(c, "INSERT INTO patient (pat_id, pat_id_issuer, pat_name, pat_name_norm, pat_birthdate, pat_sex,"
                        + " num_studies, created_time, updated_time, attrs) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
                id, issuer, fit(name, 1024), fit(Normalized.personName(name), 1024),
                Normalized.date(h.getString(Tag.PatientBirthDate)), fit(h.getString(Tag.PatientSex), 16), now, now,
                StoredAttributes.encode(h, Level.PATIENT));
    }

    private long insertSeries(Connection c, Attributes h, long studyPk, String callingAET, Timestamp now)
            throws SQLException {
        String modality = fit(h.getString(Tag.Modality), 16);
        int no = h.getInt(Tag.SeriesNumber, Integer.MIN_VALUE);
        long pk = insert(c, "INSERT INTO series (study_fk, series_iuid, modality, series_no, series_desc, body_part,"
                        + " station_name, institution, src_aet, num_instances, created_time, updated_time, attrs)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                studyPk, h.getString(Tag.SeriesInstanceUID), modality, no == Integer.MIN_VALUE ? null : no,
                fit(h.getString(Tag.SeriesDescription), 1024), fit(h.getString(Tag.BodyPartExamined), 64),
                fit(h.getString(Tag.StationName), 64), fit(h.getString(Tag.InstitutionName), 1024),
                fit(callingAET, 16), now, now, StoredAttributes.encode(h, Level.SERIES));
        String mod = modality == null ? "" : modality.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        try (PreparedStatement ps = c.prepareStatement("UPDATE study SET num_series = num_series + 1,"
                + " mods_in_study = CASE WHEN ? = '' OR mods_in_study LIKE ? ESCAPE '!' THEN mods_in_study"
                + " ELSE mods_in_study || ? END WHERE pk = ?")) {
            ps.setString(1, mod);
            ps.setString(2, "%\\" + mod + "\\%");
            ps.setString(3, (modality == null ? "" : modality) + "\\");
            ps.setLong(4, studyPk);
            ps.executeUpdate();
        }
        return pk;
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            ps.executeUpdate();
        }
    }

    private static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"pk"})) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                if (!rs.next()) {
                    throw new SQLException("no key generated by " + sql);
                }
                return rs.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.NULL); // untyped: pgjdbc would refuse a VARCHAR null for INTEGER
            } else if (p instanceof byte[] b) {
                ps.setBytes(i + 1, b);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
