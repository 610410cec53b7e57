package org.arca.ldap.config.ldap;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** Building and comparing DNs of the configuration tree. */
public final class Dns {
    private Dns() {}

    public static String child(String parentDn, String type, String value) {
        return type + '=' + Rdn.escapeValue(value) + ',' + parentDn;
    }

    /** A DN in a form that compares equal however it was spelled (case of types, spaces). */
    public static LdapName name(String dn) {
        try {
            return new LdapName(dn);
        } catch (InvalidNameException e) {
            throw new IllegalArgumentException("invalid DN '" + dn + "'", e);
        }
    }

    /** The cn of a connection of the device {@code deviceDn} that {@code ref} points to, or null. */
    static String connectionName(String ref, LdapName deviceDn) {
        LdapName n;
        try {
            n = new LdapName(ref);
        } catch (InvalidNameException e) {
            return null;
        }
        if (n.size() != deviceDn.size() + 1 || !n.startsWith(deviceDn)) return null;
        Rdn rdn = n.getRdn(n.size() - 1);
        return rdn.getType().equalsIgnoreCase("cn") ? rdn.getValue().toString() : null;
    }
}
