package org.arca.ejb.query;

import static org.arca.dicom.dict.Tag.*;

import java.util.ArrayList;
import java.util.List;
import org.arca.dicom.data.Attributes;
import org.arca.ejb.index.Level;
import org.arca.ejb.index.Normalized;

/**
 * Turns the matching keys of a C-FIND identifier into SQL conditions on the indexed columns
 * (PS3.4 C.2.2.2): single value, wildcard (* and ?), list of UIDs, date and time ranges,
 * person names case-insensitively. Empty keys and "*" are universal matching. Keys of every
 * level up to the query level are applied (relational), which includes the hierarchical case.
 */
final class QueryKeys {
    private enum Kind { STRING, NAME, UID, DATE, TIME, INT, MODALITIES }

    private record Key(int tag, Level level, String column, Kind kind) {
    }

    private static final List<Key> KEYS = List.of(
            new Key(PatientName, Level.PATIENT, "p.pat_name_norm", Kind.NAME),
            new Key(PatientID, Level.PATIENT, "p.pat_id", Kind.STRING),
            new Key(IssuerOfPatientID, Level.PATIENT, "p.pat_id_issuer", Kind.STRING),
            new Key(PatientBirthDate, Level.PATIENT, "p.pat_birthdate", Kind.DATE),
            new Key(PatientSex, Level.PATIENT, "p.pat_sex", Kind.STRING),
            new Key(StudyInstanceUID, Level.STUDY, "st.study_iuid", Kind.UID),
            new Key(StudyDate, Level.STUDY, "st.study_date", Kind.DATE),
            new Key(StudyTime, Level.STUDY, "st.study_time", Kind.TIME),
            new Key(AccessionNumber, Level.STUDY, "st.accession_no", Kind.STRING),
            new Key(StudyID, Level.STUDY, "st.study_id", Kind.STRING),
            new Key(ReferringPhysicianName, Level.STUDY, "st.ref_phys_norm", Kind.NAME),
            new Key(StudyDescription, Level.STUDY, "st.study_desc", Kind.STRING),
            new Key(ModalitiesInStudy, Level.STUDY, "st.mods_in_study", Kind.MODALITIES),
            new Key(SeriesInstanceUID, Level.SERIES, "se.series_iuid", Kind.UID),
            new Key(Modality, Level.SERIES, "se.modality", Kind.STRING),
            new Key(SeriesNumber, Level.SERIES, "se.series_no", Kind.INT),
            new Key(SeriesDescription, Level.SERIES, "se.series_desc", Kind.STRING),
            new Key(BodyPartExamined, Level.SERIES, "se.body_part", Kind.STRING),
            new Key(SOPInstanceUID, Level.IMAGE, "i.sop_iuid", Kind.UID),
            new Key(SOPClassUID, Level.IMAGE, "i.sop_cuid", Kind.UID),
            new Key(InstanceNumber, Level.IMAGE, "i.inst_no", Kind.INT));

    private final StringBuilder where = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    QueryKeys(Attributes keys, Level level) {
        for (Key k : KEYS) {
            if (k.level().ordinal() <= level.ordinal()) {
                String[] values = keys.getStrings(k.tag());
                if (values.length > 0 && !(values.length == 1 && values[0].equals("*"))) {
                    add(k, values);
                }
            }
        }
    }

    String where() {
        return where.length() == 0 ? "" : " WHERE " + where;
    }

    List<Object> params() {
        return params;
    }

    private void add(Key k, String[] values) {
        List<String> alternatives = new ArrayList<>();
        for (String v : values) {
            String c = condition(k, v);
            if (c == null) {
                return; // one universal alternative makes the whole key universal
            }
            alternatives.add(c);
        }
        where.append(where.length() == 0 ? "" : " AND ").append('(').append(String.join(" OR ", alternatives))
                .append(')');
    }

    private String condition(Key k, String value) {
        switch (k.kind()) {
            case DATE:
                return range(k.column(), value, s -> Normalized.date(s), s -> Normalized.date(s));
            case TIME:
                return range(k.column(), value, s -> Normalized.time(s, '0'), s -> Normalized.time(s, '9'));
            case INT:
                params.add(Integer.parseInt(value.trim()));
                return k.column() + " = ?";
            case MODALITIES:
                params.add("%\\" + escape(value.trim()).replace("*", "%").replace("?", "_") + "\\%");
                return k.column() + " LIKE ? ESCAPE '!'";
            case NAME:
                return text(k.column(), Normalized.personName(value));
            default:
                return text(k.column(), value.trim());
        }
    }

    private String text(String column, String value) {
        if (value == null || value.isEmpty() || value.chars().allMatch(c -> c == '*')) {
            return null;
        }
        if (value.indexOf('*') >= 0 || value.indexOf('?') >= 0) {
            params.add(escape(value).replace('*', '%').replace('?', '_'));
            return column + " LIKE ? ESCAPE '!'";
        }
        params.add(value);
        return column + " = ?";
    }

    /** "A-B", "A-", "-B" or a single value; null when neither bound is usable. */
    private String range(String column, String value, java.util.function.UnaryOperator<String> lower,
                         java.util.function.UnaryOperator<String> upper) {
        int dash = value.indexOf('-');
        if (dash < 0) {
            String v = lower.apply(value);
            if (v == null) {
                return null;
            }
            params.add(v);
            params.add(upper.apply(value));
            return column + " BETWEEN ? AND ?";
        }
        String lo = lower.apply(value.substring(0, dash));
        String hi = upper.apply(value.substring(dash + 1));
        if (lo == null && hi == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        if (lo != null) {
            sb.append(column).append(" >= ?");
            params.add(lo);
        }
        if (hi != null) {
            sb.append(lo != null ? " AND " : "").append(column).append(" <= ?");
            params.add(hi);
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
