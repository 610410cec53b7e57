package org.arca.ldap.config;

/** A configuration value that could not be used: which entry, which attribute, and why. */
public record ConfigurationError(String dn, String attribute, String message) {
    @Override
    public String toString() {
        return dn + (attribute == null ? "" : " [" + attribute + "]") + ": " + message;
    }
}
