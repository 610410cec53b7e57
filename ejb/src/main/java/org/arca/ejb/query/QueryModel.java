package org.arca.ejb.query;

import org.arca.ejb.index.Level;

/** The Query/Retrieve information models served: which levels each allows. */
public enum QueryModel {
    PATIENT_ROOT, STUDY_ROOT;

    public static final String PATIENT_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.1.1";
    public static final String PATIENT_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.1.2";
    public static final String PATIENT_ROOT_GET = "1.2.840.10008.5.1.4.1.2.1.3";
    public static final String STUDY_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
    public static final String STUDY_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.2.2";
    public static final String STUDY_ROOT_GET = "1.2.840.10008.5.1.4.1.2.2.3";

    /** The model of a FIND/MOVE/GET SOP class, or null for another SOP class. */
    public static QueryModel of(String sopClassUID) {
        return switch (sopClassUID) {
            case PATIENT_ROOT_FIND, PATIENT_ROOT_MOVE, PATIENT_ROOT_GET -> PATIENT_ROOT;
            case STUDY_ROOT_FIND, STUDY_ROOT_MOVE, STUDY_ROOT_GET -> STUDY_ROOT;
            default -> null;
        };
    }

    public boolean allows(Level level) {
        return level != null && (this == PATIENT_ROOT || level != Level.PATIENT);
    }
}
