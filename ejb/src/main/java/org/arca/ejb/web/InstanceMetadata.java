package org.arca.ejb.web;

import org.arca.dicom.data.Attributes;

/** An instance's attributes from the index (all four levels merged) and its stored transfer syntax. */
public record InstanceMetadata(StoredObject object, Attributes attributes) {
}
