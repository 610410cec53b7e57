package org.arca.ldap.config;

/** The small value sets of the configuration, spelled as in LDAP. */
public final class Enums {
    private Enums() {}

    public enum TransferRole { SCU, SCP }

    public enum Protocol { DICOM, HL7, HTTP, SYSLOG_TLS, SYSLOG_UDP }

    public enum Availability { ONLINE, NEARLINE, OFFLINE, UNAVAILABLE }

    public enum OnPathAlreadyExists { RANDOM_PATH, NOOP, FAILURE }

    public enum Entity { Patient, Study, Series, Instance }

    public enum ReoccurredInstances { NEVER, ALWAYS, REPLACE }

    /**
     * dcmOverwritePolicy: whether an instance whose SOP Instance UID is already stored replaces
     * the stored one. NEVER (the default) keeps the stored copy; the SAME_* values replace it
     * only when it came from the same source AE and/or lies in the same series.
     */
    public enum OverwritePolicy { NEVER, ALWAYS, SAME_SOURCE, SAME_SERIES, SAME_SOURCE_AND_SERIES }

    public enum WebServiceClass {
        WADO_URI, WADO_RS, STOW_RS, QIDO_RS, UPS_RS, MWL_RS, MPPS_RS, QIDO_COUNT, DCM4CHEE_ARC,
        DCM4CHEE_ARC_AET, DCM4CHEE_ARC_AET_DIFF, PAM, REJECT, MOVE, MOVE_MATCHING, UPS_MATCHING,
        ELASTICSEARCH, PROMETHEUS, GRAFANA, DOCUMENTATION, XDS_RS, AGFA_BLOB, J4C_ROUTER, FHIR, AI_CHAT
    }
}
