package org.arca.ejb.store;

import org.arca.dicom.data.Attributes;
import org.arca.ejb.index.Location;

/** What the store hands to the index, and to listeners after the commit. */
public record StoredInstance(StoreContext context, Attributes header, Location location) {
}
