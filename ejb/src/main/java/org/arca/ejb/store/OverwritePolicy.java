package org.arca.ejb.store;

/**
 * What happens when an instance arrives whose SOP Instance UID is already stored
 * (dcmOverwritePolicy). NEVER, dcm4chee-arc's default, keeps the stored copy, discards the
 * new one and still answers success: the sender's object is safely in the archive, only not
 * twice. ALWAYS replaces the stored instance (attributes and object).
 */
public enum OverwritePolicy {
    NEVER, ALWAYS;

    /** The LDAP value; dcm4chee-arc's SAME_SOURCE* variants are not supported and mean NEVER. */
    public static OverwritePolicy of(String value) {
        return "ALWAYS".equals(value) ? ALWAYS : NEVER;
    }
}
