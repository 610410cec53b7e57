package org.arca.ejb.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;
import org.arca.dicom.dict.Tag;
import org.arca.ldap.config.Device;

/**
 * The overwrite policy of each receiving AE (the AE's dcmOverwritePolicy, else the archive
 * device's, else NEVER), and the decision for one received duplicate against the stored copy,
 * made inside the index transaction so that it sees the copy it would replace.
 */
public final class OverwritePolicies {
    private final Function<String, OverwritePolicy> byCalledAET;

    private OverwritePolicies(Function<String, OverwritePolicy> byCalledAET) {
        this.byCalledAET = byCalledAET;
    }

    /** The same policy for every AE. */
    public static OverwritePolicies all(OverwritePolicy policy) {
        return new OverwritePolicies(aet -> policy);
    }

    /** From the configuration; {@code fallback} where neither the AE nor the device sets one. */
    public static OverwritePolicies of(Device device, OverwritePolicy fallback) {
        return new OverwritePolicies(aet -> {
            var ae = aet == null ? null : device.getApplicationEntity(aet);
            var p = ae != null && ae.getOverwritePolicy() != null ? ae.getOverwritePolicy() : device.getOverwritePolicy();
            return p == null ? fallback : OverwritePolicy.of(p);
        });
    }

    public OverwritePolicy forCalledAET(String aet) {
        return byCalledAET.apply(aet);
    }

    /** Whether {@code inst} replaces the stored instance {@code storedPk} (read on {@code c}). */
    boolean overwrites(Connection c, long storedPk, StoredInstance inst) throws SQLException {
        OverwritePolicy policy = forCalledAET(inst.context().calledAET());
        if (policy == OverwritePolicy.NEVER || policy == OverwritePolicy.ALWAYS) {
            return policy == OverwritePolicy.ALWAYS;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT se.src_aet, se.series_iuid FROM instance i"
                + " JOIN series se ON se.pk = i.series_fk WHERE i.pk = ?")) {
            ps.setLong(1, storedPk);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return true; // gone meanwhile: nothing to keep
                }
                return policy.overwrites(rs.getString(1), rs.getString(2), inst.context().callingAET(),
                        inst.header().getString(Tag.SeriesInstanceUID));
            }
        }
    }
}
