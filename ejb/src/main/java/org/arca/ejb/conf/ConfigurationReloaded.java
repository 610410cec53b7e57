package org.arca.ejb.conf;

import org.arca.ldap.config.Device;

/** Fired after POST /ctrl/reload made a new device snapshot current; services that hold state apply it. */
public record ConfigurationReloaded(Device device) {
}
