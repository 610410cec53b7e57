package org.arca.it.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.arca.dicom.net.Association;
import org.arca.dicom.net.dimse.DataWriter;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * dcmOverwritePolicy in the running archive: the same SOP Instance UID stored twice to AE
 * DCM4CHEE (device default NEVER) keeps the first object; stored again to an AE whose
 * dcmOverwritePolicy is ALWAYS, it replaces it. Every store answers success (0000).
 */
@ExtendWith(ArquillianExtension.class)
class OverwritePolicyIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Archive.ear();
    }

    @Test
    void neverKeepsTheStoredObjectAlwaysReplacesIt() throws Exception {
        Archive.addAE("OVERWRITE", "objectClass: dcmArchiveNetworkAE", "dcmOverwritePolicy: ALWAYS",
                "dcmObjectStorageID: fs1");
        assertEquals(200, Archive.reload().statusCode());
        String study = Archive.uid(), series = Archive.uid(), iuid = Archive.uid();
        byte[] first = Archive.instance(study, series, iuid, "first");
        byte[] second = Archive.instance(study, series, iuid, "second");

        assertEquals(0, store("DCM4CHEE", iuid, first));
        assertEquals(0, store("DCM4CHEE", iuid, second), "NEVER: duplicate answered success");
        assertEquals(1, Archive.storedCopies(first), "NEVER: the first object is kept");
        assertEquals(0, Archive.storedCopies(second), "NEVER: the second is discarded");

        assertEquals(0, store("OVERWRITE", iuid, second));
        assertEquals(0, Archive.storedCopies(first), "ALWAYS: the first object is removed");
        assertEquals(1, Archive.storedCopies(second), "ALWAYS: the second replaces it");
    }

    private static int store(String aet, String iuid, byte[] data) throws Exception {
        Association as = Archive.connect(aet);
        try {
            return as.store(Archive.SC, iuid, Archive.EXPLICIT_LE, DataWriter.of(data)).status();
        } finally {
            as.release();
        }
    }
}
