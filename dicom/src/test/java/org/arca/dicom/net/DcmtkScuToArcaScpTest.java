package org.arca.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.arca.dicom.net.support.Dcmtk;
import org.arca.dicom.net.support.Part10;
import org.arca.dicom.net.support.ReferenceStorescp;
import org.arca.dicom.net.support.TestScp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DCMTK echoscu, storescu and dcmsend as requestors against an SCP built on our library. */
class DcmtkScuToArcaScpTest {
    /** Sample files that are malformed on purpose (see local-peers.md section 4). */
    private static final Set<String> MALFORMED = Set.of("MR_truncated.dcm", "rtplan_truncated.dcm", "badVR.dcm",
            "UN_sequence.dcm", "nested_priv_SQ.dcm", "priv_SQ.dcm", "J2K_pixelrep_mismatch.dcm",
            "JPEG2000-embedded-sequence-delimiter.dcm", "meta_missing_tsyntax.dcm", "no_meta.dcm",
            "no_meta_group_length.dcm", "empty_charset_LEI.dcm", "reportsi_with_empty_number_tags.dcm");

    private static TestScp scp;
    private static ReferenceStorescp reference;
    private static int sameAsFile;

    @BeforeAll
    static void start() throws Exception {
        scp = new TestScp("ARCA", new ConnectionOptions()).start();
        reference = new ReferenceStorescp("STORESCP");
    }

    @AfterAll
    static void stop() throws Exception {
        scp.close();
        reference.close();
        System.out.println("[DcmtkScuToArcaScpTest] data sets identical to the file's: " + sameAsFile);
    }

    /**
     * Sends with the DCMTK tool to DCMTK's bit-preserving storescp and to our SCP and requires
     * identical bytes; where DCMTK did not re-encode, that is the file's own data set.
     */
    private static void sendAndCompare(Part10 f, String tool, String... options) throws Exception {
        String[] refArgs = concat(options, "-aec", reference.aet, "127.0.0.1", String.valueOf(reference.port),
                f.file().toString());
        Dcmtk.Result ref = Dcmtk.run(60, tool, refArgs);
        assertEquals(0, ref.exitCode(), ref.output());
        List<Part10> got = reference.takeReceived();
        assertEquals(1, got.size(), "storescp received:\n" + reference.log());
        byte[] wire = got.get(0).dataSet();

        String[] ourArgs = concat(options, "-aec", "ARCA", "127.0.0.1", String.valueOf(scp.port()), f.file().toString());
        scp.lastReceived = null;
        Dcmtk.Result r = Dcmtk.run(60, tool, ourArgs);
        assertEquals(0, r.exitCode(), r.output());
        String iuid = got.get(0).sopInstanceUID();
        assertEquals(iuid, scp.lastReceived, r.output());
        assertEquals(got.get(0).transferSyntax(), scp.receivedTransferSyntax.get(iuid), r.output());
        assertArrayEquals(wire, scp.received(iuid), "data set bytes of " + f.file());
        if (java.util.Arrays.equals(wire, f.dataSet())) {
            sameAsFile++;
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** The smallest well-formed sample file of every transfer syntax present. */
    static Stream<Arguments> oneFilePerTransferSyntax() throws IOException {
        Map<String, Part10> byTs = new TreeMap<>();
        try (Stream<Path> files = Files.list(Dcmtk.sample("CT_small.dcm").getParent())) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (!f.toString().endsWith(".dcm") || MALFORMED.contains(f.getFileName().toString())) {
                    continue;
                }
                try {
                    Part10 p = Part10.read(f);
                    Part10 prev = byTs.get(p.transferSyntax());
                    if (prev == null || Files.size(f) < Files.size(prev.file())) {
                        byTs.put(p.transferSyntax(), p);
                    }
                } catch (IOException notPart10) {
                    // no preamble or meta: not sendable by DCMTK either
                }
            }
        }
        List<Arguments> args = new ArrayList<>();
        byTs.forEach((ts, p) -> args.add(Arguments.of(ts, p.file().getFileName().toString())));
        return args.stream();
    }

    @Test
    void echoscuGetsSuccess() throws Exception {
        Dcmtk.Result r = Dcmtk.run(30, "echoscu", "-v", "-aec", "ARCA", "127.0.0.1", String.valueOf(scp.port()));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Received Echo Response (Success)"), r.output());
    }

    @ParameterizedTest(name = "dcmsend {0} ({1})")
    @MethodSource("oneFilePerTransferSyntax")
    void dcmsendDataSetArrivesByteForByte(String ts, String name) throws Exception {
        Part10 f = Part10.read(Dcmtk.sample(name));
        sendAndCompare(f, "dcmsend", "-v");
    }

    @ParameterizedTest(name = "storescu {0} {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "-xe, CT_small.dcm", "-xi, MR_small_implicit.dcm", "-xb, MR_small_bigendian.dcm", "-xr, MR_small_RLE.dcm"})
    void storescuDataSetArrivesByteForByte(String propose, String name) throws Exception {
        Part10 f = Part10.read(Dcmtk.sample(name));
        sendAndCompare(f, "storescu", "-v", propose);
        assertEquals(f.transferSyntax(), scp.receivedTransferSyntax.get(f.sopInstanceUID()));
    }
}
