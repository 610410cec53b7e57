import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.arca.dicom.net.Association;
import org.arca.dicom.net.ConnectionOptions;
import org.arca.dicom.net.dimse.DimseResponse;
import org.arca.dicom.net.pdu.AAssociateRQ;

/**
 * C-FIND latency at study level by Patient ID, over one association: N queries for random
 * Patient IDs P0000001..P<patients> (as bench/gen-index.sql makes them), after 50 unmeasured
 * ones; prints the matches per query and the p50/p95/p99/max of the time from C-FIND-RQ to
 * the final response. Run from source with the arca-dicom jar:
 * java -cp dicom/target/arca-dicom-0.1.0-SNAPSHOT.jar bench/FindBench.java HOST PORT AET PATIENTS [N=1000]
 */
public class FindBench {
    static final String STUDY_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int patients = Integer.parseInt(args[3]);
        int n = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAET("FINDBENCH");
        rq.calledAET(args[2]);
        rq.propose(STUDY_ROOT_FIND, EXPLICIT_LE);
        Association as = Association.connect(host, port, rq, new ConnectionOptions());
        long[] nanos = new long[n];
        long matches = 0;
        try {
            for (int i = -50; i < n; i++) {
                String pid = String.format("P%07d", ThreadLocalRandom.current().nextInt(1, patients + 1));
                int[] count = new int[1];
                long t0 = System.nanoTime();
                DimseResponse rsp = as.find(STUDY_ROOT_FIND, keys(pid), m -> count[0]++);
                long t = System.nanoTime() - t0;
                if (rsp.status() != 0) {
                    throw new IllegalStateException("C-FIND status " + Integer.toHexString(rsp.status()));
                }
                if (i >= 0) {
                    nanos[i] = t;
                    matches += count[0];
                }
            }
        } finally {
            as.release();
        }
        Arrays.sort(nanos);
        System.out.printf("C-FIND STUDY by PatientID: %d queries, %.1f matches/query, p50 %.2f ms, p95 %.2f ms,"
                        + " p99 %.2f ms, max %.2f ms%n", n, (double) matches / n, ms(nanos, 0.50), ms(nanos, 0.95),
                ms(nanos, 0.99), nanos[n - 1] / 1e6);
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** StudyDate, QueryRetrieveLevel, PatientID, StudyInstanceUID, NumberOfStudyRelatedInstances; Explicit VR LE. */
    static byte[] keys(String pid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        el(out, 0x0008, 0x0020, "DA", "");
        el(out, 0x0008, 0x0052, "CS", "STUDY ");
        el(out, 0x0010, 0x0020, "LO", pid);
        el(out, 0x0020, 0x000D, "UI", "");
        el(out, 0x0020, 0x1208, "IS", "");
        return out.toByteArray();
    }

    static void el(ByteArrayOutputStream out, int g, int e, String vr, String v) {
        byte[] b = v.getBytes(StandardCharsets.US_ASCII);
        if ((b.length & 1) != 0) {
            b = Arrays.copyOf(b, b.length + 1);
            b[b.length - 1] = ' ';
        }
        out.write(g);
        out.write(g >> 8);
        out.write(e);
        out.write(e >> 8);
        out.write(vr.charAt(0));
        out.write(vr.charAt(1));
        out.write(b.length);
        out.write(b.length >> 8);
        out.write(b, 0, b.length);
    }
}
