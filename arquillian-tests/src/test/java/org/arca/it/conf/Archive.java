package org.arca.it.conf;

import org.arca.it.ConfigEntries;
import org.arca.it.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.naming.NamingException;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.TransferSyntax;
import org.arca.dicom.net.Association;
import org.arca.dicom.net.ConnectionOptions;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** What the configuration tests do to the running archive: LDAP entries, reload, DICOM, its storage. */
final class Archive {
    static final String DEVICE = "dicomDeviceName=dcm4chee-arc,cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org";
    static final String AET_REGISTRY = "cn=Unique AE Titles Registry,cn=DICOM Configuration,dc=dcm4che,dc=org";
    static final String SC = "1.2.840.10008.5.1.4.1.1.7";
    static final String VERIFICATION = "1.2.840.10008.1.1";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    private static final HttpClient HTTP = HttpClient.newBuilder().authenticator(TestUsers.ADMIN_AUTH).connectTimeout(Duration.ofSeconds(5)).build();

    private Archive() {
    }

    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("arca.ear")));
    }

    static HttpResponse<String> reload() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/dcm4chee-arc/ctrl/reload"))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A network AE on the archive device using the `dicom` connection, registered as unique; kept if present. */
    static void addAE(String aet, String... more) throws NamingException {
        List<String> lines = new ArrayList<>(List.of("objectClass: dicomNetworkAE", "dicomAETitle: " + aet,
                "dicomNetworkConnectionReference: cn=dicom," + DEVICE,
                "dicomAssociationInitiator: TRUE", "dicomAssociationAcceptor: TRUE"));
        lines.addAll(List.of(more));
        ConfigEntries.add("dicomAETitle=" + aet + "," + AET_REGISTRY, "objectClass: dicomUniqueAETitle", "dicomAETitle: " + aet);
        ConfigEntries.add("dicomAETitle=" + aet + "," + DEVICE, lines.toArray(String[]::new));
    }

    /** A file-system storage on the archive device below the data folder; kept if present. */
    static void addStorage(String id) throws NamingException {
        ConfigEntries.add("dcmStorageID=" + id + "," + DEVICE, "objectClass: dcmStorage", "dcmStorageID: " + id,
                "dcmURI: file:${arca.data.dir}/" + id + "/");
    }

    static Association connect(String calledAET) throws IOException, InterruptedException {
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAET("ARCAIT");
        rq.calledAET(calledAET);
        rq.propose(VERIFICATION, EXPLICIT_LE);
        rq.propose(SC, EXPLICIT_LE);
        return Association.connect("127.0.0.1", 11112, rq, new ConnectionOptions());
    }

    static String uid() {
        UUID u = UUID.randomUUID();
        return "2.25." + new BigInteger(1, ByteBuffers.bytes(u));
    }

    /** A Secondary Capture data set (Explicit VR Little Endian) with the given UIDs and comment. */
    static byte[] instance(String study, String series, String iuid, String comment) throws IOException {
        Attributes a = new Attributes();
        a.setString(Tag.SOPClassUID, VR.UI, SC);
        a.setString(Tag.SOPInstanceUID, VR.UI, iuid);
        a.setString(Tag.PatientName, VR.PN, "Overwrite^Test");
        a.setString(Tag.PatientID, VR.LO, "ARCAIT-CONF");
        a.setString(Tag.StudyInstanceUID, VR.UI, study);
        a.setString(Tag.SeriesInstanceUID, VR.UI, series);
        a.setString(Tag.Modality, VR.CS, "OT");
        a.setString(Tag.ImageComments, VR.LT, comment);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomOutputStream dos = new DicomOutputStream(out);
        dos.writeDataset(a, TransferSyntax.of(EXPLICIT_LE));
        dos.flush();
        return out.toByteArray();
    }

    /** Objects in storage fs1 whose data set (after the archive's meta information) is {@code dataset}. */
    static int storedCopies(byte[] dataset) throws IOException {
        return storedCopies("fs1", dataset);
    }

    /** The same in the file-system storage at {@code arca.data.dir/dir}. */
    static int storedCopies(String dir, byte[] dataset) throws IOException {
        Path fs1 = Path.of(System.getProperty("arca.data.dir"), dir);
        if (!Files.exists(fs1)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(fs1)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        int n = 0;
        for (Path p : files) {
            long start;
            try (DicomInputStream in = new DicomInputStream(p)) {
                in.readFileMetaInformation();
                start = in.position();
            } catch (IOException e) {
                continue; // being written or removed right now
            }
            byte[] all = Files.readAllBytes(p);
            if (Arrays.equals(dataset, Arrays.copyOfRange(all, (int) start, all.length))) {
                n++;
            }
        }
        return n;
    }

    private static final class ByteBuffers {
        static byte[] bytes(UUID u) {
            return java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                    .putLong(u.getLeastSignificantBits()).array();
        }
    }
}
