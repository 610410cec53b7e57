package org.arca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.net.Association;
import org.arca.dicom.net.ConnectionOptions;
import org.arca.dicom.net.dimse.DataWriter;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The archive deployed in WildFly speaks DICOM on 127.0.0.1:11112 as AE DCM4CHEE: DCMTK's
 * echoscu, storescu and findscu against it; an object sent by our SCU lands in storage fs1
 * byte for byte.
 */
@ExtendWith(ArquillianExtension.class)
class DicomIT {

    private static final Path SAMPLE = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");
    // sent with our own SCU, which passes the file's data set bytes on unchanged (DCMTK's
    // storescu re-encodes on the way, e.g. drops group lengths)
    private static final Path RAW = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/MR_small.dcm");
    private static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    private static final String MR_IUID = "1.3.6.1.4.1.5962.1.1.4.1.1.20040826185059.5457";
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static final String STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ArcaDeployment.ear();
    }

    @Test
    void echoStoreAndFindWithDcmtk() throws Exception {
        assertTrue(Files.exists(SAMPLE), "pydicom samples missing: install the Debian package python3-pydicom");
        assertEquals(0, dcmtk("echoscu", "-aec", "DCM4CHEE", "127.0.0.1", "11112").exit);
        Result store = dcmtk("storescu", "-aec", "DCM4CHEE", "127.0.0.1", "11112", SAMPLE.toString());
        assertEquals(0, store.exit, store.out);
        Result find = dcmtk("findscu", "-S", "-aec", "DCM4CHEE", "-k", "QueryRetrieveLevel=STUDY",
                "-k", "PatientID=1CT1", "-k", "StudyInstanceUID", "-k", "NumberOfStudyRelatedInstances",
                "127.0.0.1", "11112");
        assertEquals(0, find.exit, find.out);
        assertTrue(find.out.contains(STUDY), find.out);

        byte[] original = dataset(RAW);
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAET("ARCAIT");
        rq.calledAET("DCM4CHEE");
        rq.propose(MR, EXPLICIT_LE);
        Association as = Association.connect("127.0.0.1", 11112, rq, new ConnectionOptions());
        try {
            assertEquals(0, as.store(MR, MR_IUID, EXPLICIT_LE, DataWriter.of(original)).status());
        } finally {
            as.release();
        }

        Path fs1 = Path.of(System.getProperty("arca.data.dir"), "fs1");
        List<Path> stored;
        try (Stream<Path> files = Files.walk(fs1)) {
            stored = files.filter(Files::isRegularFile).toList();
        }
        assertTrue(stored.size() >= 2, "objects in storage fs1: " + stored);
        boolean identical = false;
        for (Path p : stored) {
            identical |= java.util.Arrays.equals(original, dataset(p));
        }
        assertTrue(identical, "a stored data set equals the sent one byte for byte: " + stored);
    }

    /** The bytes after the File Meta Information: the archive writes its own meta group. */
    private static byte[] dataset(Path file) throws IOException {
        long start;
        try (DicomInputStream in = new DicomInputStream(file)) {
            in.readFileMetaInformation();
            start = in.position();
        }
        byte[] all = Files.readAllBytes(file);
        return java.util.Arrays.copyOfRange(all, (int) start, all.length);
    }

    private record Result(int exit, String out) {
    }

    private static Result dcmtk(String... cmd) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(Path.of("/usr/bin", cmd[0])), cmd[0] + " missing: install the Debian package dcmtk");
        List<String> argv = new ArrayList<>(List.of(cmd));
        argv.add(1, "-v");
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("TCP_NODELAY", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd[0] + " timed out");
        }
        return new Result(p.exitValue(), out);
    }
}
