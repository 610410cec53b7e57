package org.arca.ejb.web;

import org.arca.ejb.index.Location;

/** One stored instance as the index knows it: its UIDs and where its bytes are. */
public record StoredObject(String studyUID, String seriesUID, String sopClassUID, String sopInstanceUID,
                           Location location) {
}
