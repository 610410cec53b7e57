package org.arca.it.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.arca.dicom.net.Association;
import org.arca.dicom.net.AssociationRejectedException;
import org.arca.dicom.net.dimse.DataWriter;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * POST /ctrl/reload does not abort associations in progress: an association opened before the
 * reload stores after it, and an AE and a storage added to LDAP before the reload work on a new
 * association (C-ECHO, and C-STORE landing in the new storage).
 */
@ExtendWith(ArquillianExtension.class)
class GracefulReloadIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Archive.ear();
    }

    @Test
    void openAssociationSurvivesReloadAndNewAeAnswers() throws Exception {
        String aet = "RELOAD" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        String storage = "fs-" + aet.toLowerCase();
        Archive.addStorage(storage);
        Archive.addAE(aet, "objectClass: dcmArchiveNetworkAE", "dcmObjectStorageID: " + storage);
        assertThrows(AssociationRejectedException.class, () -> Archive.connect(aet).release(),
                "not served before the reload");

        Association open = Archive.connect("DCM4CHEE");
        try {
            assertEquals(0, open.echo());
            assertEquals(200, Archive.reload().statusCode());
            assertTrue(open.isOpen(), "the reload left the association open");
            String study = Archive.uid();
            String iuid = Archive.uid();
            byte[] data = Archive.instance(study, Archive.uid(), iuid, "stored across a reload");
            assertEquals(0, open.store(Archive.SC, iuid, Archive.EXPLICIT_LE, DataWriter.of(data)).status(),
                    "C-STORE on the association opened before the reload");
            assertEquals(1, Archive.storedCopies(data));
        } finally {
            open.release();
        }

        Association fresh = Archive.connect(aet);
        try {
            assertEquals(0, fresh.echo(), "the AE added before the reload answers C-ECHO");
            String iuid = Archive.uid();
            byte[] data = Archive.instance(Archive.uid(), Archive.uid(), iuid, "into the new storage");
            assertEquals(0, fresh.store(Archive.SC, iuid, Archive.EXPLICIT_LE, DataWriter.of(data)).status());
            assertEquals(1, Archive.storedCopies(storage, data), "stored in the storage added before the reload");
        } finally {
            fresh.release();
        }
    }
}
