package org.arca.ejb.export;

/** The states an export task passes through, as operators see them in monitoring. */
public enum ExportTaskStatus {
    SCHEDULED("SCHEDULED"),
    IN_PROCESS("IN PROCESS"),
    COMPLETED("COMPLETED"),
    WARNING("WARNING"),
    FAILED("FAILED"),
    CANCELED("CANCELED"),
    SCHEDULED_FOR_RETRY("SCHEDULED FOR RETRY");

    private final String label;

    ExportTaskStatus(String label) {
        this.label = label;
    }

    /** The name shown in the UI and accepted by the REST filters (with a space, as dcm4chee shows it). */
    public String label() {
        return label;
    }

    public boolean isFinal() {
        return this == COMPLETED || this == WARNING || this == FAILED || this == CANCELED;
    }

    public static ExportTaskStatus ofLabel(String s) {
        for (ExportTaskStatus st : values()) {
            if (st.label.equalsIgnoreCase(s) || st.name().equalsIgnoreCase(s)) {
                return st;
            }
        }
        throw new IllegalArgumentException("unknown export task status: " + s);
    }
}
