package org.arca.ejb.index;

/** Where one copy of an instance is: storage, path in it, and what was written there. */
public record Location(String storageId, String storagePath, String transferSyntaxUID, long size, String digest) {
}
