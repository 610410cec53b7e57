package org.arca.it.export;

import org.arca.it.ConfigEntries;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 001 (the wiki's STOW-RS exporter) as an administrator adds it, with Orthanc and its
 * DICOMweb plugin as the STOW-RS server: a study stored into the archive arrives in Orthanc
 * byte-identical and the task ends COMPLETED.
 */
@ExtendWith(ArquillianExtension.class)
class ExportToOrthancIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new java.io.File(System.getProperty("arca.ear")));
    }

    @Test
    void seedStowExporterSendsAStudyToOrthancByteIdentical() throws Exception {
        Path work = Peers.work("orthanc-" + System.nanoTime());
        try (OrthancPeer orthanc = OrthancPeer.start(work.resolve("orthanc"))) {
            // The wiki's exporter sends to the web application DCM4CHEE of another archive; here
            // that name is the archive's own DICOMweb service, so only dcmURI names the test
            // Orthanc's web application instead. Every other line is applied as written.
            LdapEntries.webApp("ORTHANC", orthanc.httpPort, "/dicom-web");
            String ldif = Files.readString(Peers.root().resolve("ldap/src/test/resources/seeds/wiki-stow-exporter.ldif"));
            assertTrue(ldif.contains("dcmURI: stow:DCM4CHEE\n"), ldif);
            ConfigEntries.addLdif(ldif.replace("dcmURI: stow:DCM4CHEE\n", "dcmURI: stow:ORTHANC\n"));
            ArchiveRest.reload();

            TestStudy study = new TestStudy().add(work.resolve("in"), "CT_small.dcm", 3)
                    .add(work.resolve("in"), "MR_small.dcm", 1).add(work.resolve("in"), "SC_rgb_rle.dcm", 1);
            study.store();
            JsonObject t = ArchiveRest.await(ArchiveRest.export(study.studyUid, "StowExporter", null), TIMEOUT,
                    "COMPLETED", "FAILED", "WARNING", "SCHEDULED FOR RETRY");
            assertEquals("COMPLETED", t.getString("status"), t + "\n" + orthanc.log());
            assertEquals(5, t.getInt("NumberOfInstances"), t.toString());
            assertEquals("Export1", t.getString("queue"), t.toString());
            assertTrue(t.getString("outcomeMessage").startsWith("Stored 5 of 5 to http://127.0.0.1:"
                    + orthanc.httpPort + "/dicom-web/studies"), t.toString());
            for (Path f : study.files) {
                String iuid = TestStudy.sopInstanceUid(f);
                assertArrayEquals(TestStudy.dataSet(f), TestStudy.dataSet(orthanc.instanceFile(iuid)),
                        "data set of " + iuid + " fetched back from Orthanc");
            }
        }
    }
}
