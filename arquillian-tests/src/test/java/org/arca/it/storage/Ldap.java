package org.arca.it.storage;

import java.util.ArrayDeque;
import java.util.Deque;
import javax.naming.NamingException;
import org.arca.it.ConfigEntries;

/** The storage tests' configuration entries, remembered so that the test class can take them out again. */
final class Ldap {
    static final String ARCHIVE = ConfigEntries.ARCHIVE;

    private static final Deque<String> ADDED = new ArrayDeque<>();

    private Ldap() {
    }

    /** Adds every entry of an LDIF text; entries already there are kept (and not removed later). */
    static void ldif(String text) throws NamingException {
        ConfigEntries.addLdif(text).forEach(ADDED::push);
    }

    /** Removes, newest first, the entries this class added, so later test classes see the configuration they expect. */
    static void removeAdded() throws NamingException {
        while (!ADDED.isEmpty()) {
            ConfigEntries.remove(ADDED.pop());
        }
    }

    /** An archive AE on the device's DICOM connection, storing into {@code storageId}. */
    static void archiveAe(String aet, String storageId) throws NamingException {
        ldif("dn: dicomAETitle=" + aet + "," + ARCHIVE + "\n"
                + "objectClass: dicomNetworkAE\nobjectClass: dcmNetworkAE\nobjectClass: dcmArchiveNetworkAE\n"
                + "dicomAETitle: " + aet + "\n"
                + "dicomNetworkConnectionReference: cn=dicom," + ARCHIVE + "\n"
                + "dicomAssociationInitiator: TRUE\ndicomAssociationAcceptor: TRUE\ndicomInstalled: TRUE\n"
                + "dcmObjectStorageID: " + storageId + "\n");
    }
}
