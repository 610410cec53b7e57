package org.arca.ejb.retrieve;

import org.arca.ejb.index.Location;

/** One instance to send: its SOP class and instance, and where its bytes are. */
public record InstanceLocation(String sopClassUID, String sopInstanceUID, Location location) {
}
