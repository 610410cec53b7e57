package org.arca.ldap.config;

import java.util.List;

/**
 * A device as loaded, and what could not be used. An entry with an invalid value is left out
 * (a connection with a port that is not a number, an exporter with an unknown URI scheme or a
 * missing queue, a bad schedule); a reference to something missing is dropped; the rest loads.
 */
public record LoadResult(Device device, List<ConfigurationError> errors) {
    public boolean ok() {
        return errors.isEmpty();
    }
}
