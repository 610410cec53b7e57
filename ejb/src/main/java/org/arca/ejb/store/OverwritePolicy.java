package org.arca.ejb.store;

import java.util.Objects;

/**
 * What happens when an instance arrives whose SOP Instance UID is already stored
 * (dcmOverwritePolicy, with dcm4chee-arc's values). Where the policy says not to overwrite, the
 * stored copy is kept, the received one discarded, and success is still answered: the sender's
 * object is safely in the archive, only not twice. Where it says to overwrite, the received
 * instance replaces the stored one (attributes and object).
 */
public enum OverwritePolicy {
    /** Keep the stored copy (the default). */
    NEVER,
    /** Always replace. */
    ALWAYS,
    /** Replace when sent by the same AE title as the series of the stored copy. */
    SAME_SOURCE,
    /** Replace when the received instance is in the same series as the stored copy. */
    SAME_SERIES,
    /** Replace when both hold. */
    SAME_SOURCE_AND_SERIES;

    /** The configuration's value ({@code null}: not configured, NEVER). */
    public static OverwritePolicy of(org.arca.ldap.config.Enums.OverwritePolicy value) {
        return value == null ? NEVER : valueOf(value.name());
    }

    /**
     * Whether the received instance replaces the stored one.
     * @param storedSource AE title that sent the stored copy's series (may be null)
     * @param storedSeries Series Instance UID of the stored copy
     */
    public boolean overwrites(String storedSource, String storedSeries, String receivedSource, String receivedSeries) {
        boolean sameSource = Objects.equals(storedSource, receivedSource);
        boolean sameSeries = Objects.equals(storedSeries, receivedSeries);
        return switch (this) {
            case NEVER -> false;
            case ALWAYS -> true;
            case SAME_SOURCE -> sameSource;
            case SAME_SERIES -> sameSeries;
            case SAME_SOURCE_AND_SERIES -> sameSource && sameSeries;
        };
    }
}
