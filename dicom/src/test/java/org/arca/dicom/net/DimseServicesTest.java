package org.arca.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.arca.dicom.net.dimse.DataWriter;
import org.arca.dicom.net.dimse.DimseResponse;
import org.arca.dicom.net.dimse.DimseResult;
import org.arca.dicom.net.dimse.DimseTimeoutException;
import org.arca.dicom.net.dimse.ServiceHandlers;
import org.arca.dicom.net.dimse.Status;
import org.arca.dicom.net.dimse.Tag;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.dicom.net.pdu.AsyncOpsWindow;
import org.arca.dicom.net.pdu.RoleSelection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DIMSE services between our SCU and our SCP: cancel, timeouts, N-services, C-GET, streaming, async. */
class DimseServicesTest {
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String STUDY_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
    private static final String STUDY_GET = "1.2.840.10008.5.1.4.1.2.2.3";
    private static final String COMMITMENT = "1.2.840.10008.1.20.1";
    private static final String COMMITMENT_INSTANCE = "1.2.840.10008.1.20.1.1";

    private static DicomServer server;
    private static final AtomicInteger concurrent = new AtomicInteger();
    private static final AtomicInteger maxConcurrent = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        ApplicationEntity ae = new ApplicationEntity("ARCA")
                .addTransferCapability(TransferCapability.scp(TransferCapability.ANY, IMPLICIT))
                .addTransferCapability(TransferCapability.scu(CT, IMPLICIT))
                .onStore((rq, data) -> {
                    int now = concurrent.incrementAndGet();
                    maxConcurrent.accumulateAndGet(now, Math::max);
                    try {
                        if (rq.sopInstanceUID().startsWith("slow")) {
                            Thread.sleep(1500);
                        }
                        MessageDigest md = MessageDigest.getInstance("SHA-256");
                        byte[] buf = new byte[8192];
                        for (int n; (n = data.read(buf)) > 0; ) {
                            md.update(buf, 0, n);
                        }
                        return digestOk(rq.sopInstanceUID(), md.digest()) ? Status.SUCCESS : Status.PROCESSING_FAILURE;
                    } finally {
                        concurrent.decrementAndGet();
                    }
                })
                .onFind((rq, keys, rsp) -> {
                    for (int i = 0; i < 1000; i++) {
                        if (!rsp.pending(keys)) {
                            return Status.CANCEL;
                        }
                        Thread.sleep(5);
                    }
                    return Status.SUCCESS;
                })
                .onGet((rq, keys, rsp) -> {
                    int st = rsp.store(CT, "1.2.3.get", IMPLICIT, DataWriter.of(new byte[] {8, 0, 0x18, 0, 2, 0, 0, 0, '1', 0}));
                    rsp.counts(0, st == 0 ? 1 : 0, st == 0 ? 0 : 1, 0);
                    return Status.SUCCESS;
                })
                .onNAction((rq, info) -> {
                    // Storage commitment: answer, then report the result back over the same association.
                    new Thread(() -> {
                        try {
                            rq.association().nEventReport(COMMITMENT, COMMITMENT_INSTANCE, 1, info);
                        } catch (Exception ignored) {
                            // the test fails on the missing report
                        }
                    }).start();
                    return DimseResult.of(Status.SUCCESS);
                });
        server = new DicomServer(new ConnectionOptions().asyncOpsWindow(0, 4)).addApplicationEntity(ae).start(0);
    }

    private static final java.util.Map<String, byte[]> expectedDigests = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean digestOk(String iuid, byte[] digest) {
        byte[] want = expectedDigests.get(iuid);
        return want == null || java.util.Arrays.equals(want, digest);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static AAssociateRQ rq(String... cuids) {
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAET("SCU");
        rq.calledAET("ARCA");
        for (String c : cuids) {
            rq.propose(c, IMPLICIT);
        }
        return rq;
    }

    @ParameterizedTest(name = "callerReads={0}")
    @ValueSource(booleans = {false, true})
    void cancelStopsAFindWithStatusCancel(boolean callerReads) throws Exception {
        Association as = Association.connect("127.0.0.1", server.port(), rq(STUDY_FIND),
                new ConnectionOptions().callerReads(callerReads));
        List<DimseResponse> matches = new ArrayList<>();
        DimseResponse last = as.find(STUDY_FIND, new byte[] {8, 0, 0x52, 0, 6, 0, 0, 0, 'S', 'T', 'U', 'D', 'Y', ' '}, m -> {
            matches.add(m);
            if (matches.size() == 3) {
                try {
                    as.cancel(m.messageIDBeingRespondedTo());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        assertEquals(Status.CANCEL, last.status());
        assertTrue(matches.size() >= 3 && matches.size() < 1000, "stopped early: " + matches.size());
        assertEquals(14, matches.get(0).data().length);
        as.release();
    }

    @ParameterizedTest(name = "callerReads={0}")
    @ValueSource(booleans = {false, true})
    void dimseTimeoutAbortsTheAssociation(boolean callerReads) throws Exception {
        Association as = Association.connect("127.0.0.1", server.port(), rq(CT),
                new ConnectionOptions().callerReads(callerReads).dimseTimeout(300));
        assertThrows(DimseTimeoutException.class, () -> as.store(CT, "slow.1", IMPLICIT, DataWriter.of(new byte[10])));
        assertTrue(as.awaitClose(5000));
        assertFalse(as.isOpen());
    }

    @ParameterizedTest(name = "callerReads={0}")
    @ValueSource(booleans = {false, true})
    void largeStoreStreamsThroughWithBoundedBuffering(boolean callerReads) throws Exception {
        Association as = Association.connect("127.0.0.1", server.port(), rq(CT),
                new ConnectionOptions().callerReads(callerReads));
        long size = 64L << 20;
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] chunk = new byte[1 << 16];
        new java.util.Random(7).nextBytes(chunk);
        for (long n = 0; n < size; n += chunk.length) {
            md.update(chunk);
        }
        expectedDigests.put("1.2.3.big", md.digest());
        DimseResponse rsp = as.store(CT, "1.2.3.big", IMPLICIT, out -> {
            for (long n = 0; n < size; n += chunk.length) {
                out.write(chunk);
            }
        });
        assertEquals(Status.SUCCESS, rsp.status(), "64 MiB arrived intact");
        as.release();
    }

    @Test
    void asyncWindowAllowsConcurrentStores() throws Exception {
        ConnectionOptions opts = new ConnectionOptions().asyncOpsWindow(4, 1);
        Association as = Association.connect("127.0.0.1", server.port(), rq(CT), opts);
        assertEquals(new AsyncOpsWindow(4, 1), as.accept().userInformation().asyncOpsWindow());
        maxConcurrent.set(0);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String iuid = "slow.async." + i;
                tasks.add(() -> as.store(CT, iuid, IMPLICIT, DataWriter.of(new byte[100])).status());
            }
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                assertEquals(Status.SUCCESS, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(maxConcurrent.get() >= 2, "operations overlapped: " + maxConcurrent.get());
        as.release();
    }

    @ParameterizedTest(name = "callerReads={0}")
    @ValueSource(booleans = {false, true})
    void cGetDeliversOverTheSameAssociationToOurStoreHandler(boolean callerReads) throws Exception {
        AAssociateRQ rq = rq(STUDY_GET, CT);
        rq.userInformation().addRoleSelection(new RoleSelection(CT, false, true));
        List<String> got = new ArrayList<>();
        ServiceHandlers mine = new ServiceHandlers().onStore((srq, data) -> {
            got.add(srq.sopInstanceUID() + ":" + data.readAllBytes().length);
            return Status.SUCCESS;
        });
        Association as = Association.connect("127.0.0.1", server.port(), rq, new ConnectionOptions().callerReads(callerReads), mine);
        DimseResponse rsp = as.get(STUDY_GET, new byte[] {8, 0, 0x52, 0, 6, 0, 0, 0, 'S', 'T', 'U', 'D', 'Y', ' '}, null);
        assertEquals(Status.SUCCESS, rsp.status());
        assertEquals(1, rsp.completed());
        assertEquals(List.of("1.2.3.get:10"), got);
        as.release();
    }

    @Test
    void storageCommitmentNActionThenNEventReport() throws Exception {
        AAssociateRQ rq = rq(COMMITMENT);
        rq.userInformation().addRoleSelection(new RoleSelection(COMMITMENT, true, true));
        byte[] info = {8, 0, 0x50, 0, 2, 0, 0, 0, 'X', ' '};
        java.util.concurrent.CompletableFuture<byte[]> report = new java.util.concurrent.CompletableFuture<>();
        ServiceHandlers mine = new ServiceHandlers().onNEventReport((erq, data) -> {
            assertEquals(1, erq.command().getInt(Tag.EVENT_TYPE_ID, 0));
            report.complete(data);
            return DimseResult.of(Status.SUCCESS);
        });
        Association as = Association.connect("127.0.0.1", server.port(), rq, new ConnectionOptions(), mine);
        DimseResponse rsp = as.nAction(COMMITMENT, COMMITMENT_INSTANCE, 1, info);
        assertEquals(Status.SUCCESS, rsp.status());
        assertEquals(1, rsp.command().getInt(Tag.ACTION_TYPE_ID, 0));
        assertArrayEquals(info, report.get(5, java.util.concurrent.TimeUnit.SECONDS));
        as.release();
    }

    @ParameterizedTest(name = "callerReads={0}")
    @ValueSource(booleans = {false, true})
    void unknownOperationGetsUnrecognizedOperationStatus(boolean callerReads) throws Exception {
        Association as = Association.connect("127.0.0.1", server.port(), rq("1.2.840.10008.5.1.4.1.2.2.2"),
                new ConnectionOptions().callerReads(callerReads));
        DimseResponse rsp = as.move("1.2.840.10008.5.1.4.1.2.2.2", "X", new byte[] {8, 0, 0x52, 0, 0, 0, 0, 0}, null);
        assertEquals(Status.UNRECOGNIZED_OPERATION, rsp.status());
        as.release();
    }

}
