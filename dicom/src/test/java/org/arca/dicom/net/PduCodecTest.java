package org.arca.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.arca.dicom.net.dimse.Command;
import org.arca.dicom.net.dimse.Commands;
import org.arca.dicom.net.dimse.MalformedCommandException;
import org.arca.dicom.net.dimse.PdvInputStream;
import org.arca.dicom.net.dimse.PdvOutputStream;
import org.arca.dicom.net.dimse.Tag;
import org.arca.dicom.net.pdu.AAbort;
import org.arca.dicom.net.pdu.AAssociateAC;
import org.arca.dicom.net.pdu.AAssociateRJ;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.dicom.net.pdu.AsyncOpsWindow;
import org.arca.dicom.net.pdu.PDataTF;
import org.arca.dicom.net.pdu.PduException;
import org.arca.dicom.net.pdu.PduInput;
import org.arca.dicom.net.pdu.PduOutput;
import org.arca.dicom.net.pdu.PresentationContext;
import org.arca.dicom.net.pdu.RoleSelection;
import org.arca.dicom.net.pdu.UserIdentity;
import org.junit.jupiter.api.Test;

/** Encoding and strict decoding of PDUs, command sets and PDV streams, without sockets. */
class PduCodecTest {

    private static byte[] body(byte[] pdu) {
        return Arrays.copyOfRange(pdu, 6, pdu.length);
    }

    @Test
    void associateRqRoundTripsEveryUserInformationItem() throws Exception {
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAET("SCU");
        rq.calledAET("ARCHIVE");
        rq.propose("1.2.840.10008.1.1", "1.2.840.10008.1.2");
        rq.propose("1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2");
        rq.userInformation().maxPduLength(32768).implClassUID("1.2.3").implVersionName("V1")
                .asyncOpsWindow(new AsyncOpsWindow(3, 2))
                .addRoleSelection(new RoleSelection("1.2.840.10008.5.1.4.1.1.2", false, true))
                .addExtendedNegotiation("1.2.840.10008.5.1.4.1.2.2.1", new byte[] {1, 1, 0})
                .addCommonExtendedNegotiation(new byte[] {0, 3, '1', '.', '2', 0, 0, 0, 0})
                .userIdentity(UserIdentity.usernamePasscode("bob", "pw", true));
        byte[] pdu = rq.encode();
        assertEquals(1, pdu[0]);
        assertEquals(pdu.length - 6, ((pdu[2] & 0xFF) << 24) | ((pdu[3] & 0xFF) << 16) | ((pdu[4] & 0xFF) << 8) | (pdu[5] & 0xFF));
        AAssociateRQ back = AAssociateRQ.decode(body(pdu));
        assertEquals("SCU", back.callingAET());
        assertEquals("ARCHIVE", back.calledAET());
        assertEquals(rq.presentationContexts(), back.presentationContexts());
        assertEquals(32768, back.userInformation().maxPduLength());
        assertEquals("1.2.3", back.userInformation().implClassUID());
        assertEquals("V1", back.userInformation().implVersionName());
        assertEquals(new AsyncOpsWindow(3, 2), back.userInformation().asyncOpsWindow());
        assertEquals(rq.userInformation().roleSelections(), back.userInformation().roleSelections());
        assertArrayEquals(new byte[] {1, 1, 0}, back.userInformation().extendedNegotiations().get("1.2.840.10008.5.1.4.1.2.2.1"));
        assertEquals(1, back.userInformation().commonExtendedNegotiations().size());
        UserIdentity id = back.userInformation().userIdentity();
        assertEquals(UserIdentity.USERNAME_PASSCODE, id.type());
        assertEquals("bob", id.username());
        assertEquals("pw", id.passcode());
        assertTrue(id.positiveResponseRequested());
        assertArrayEquals(pdu, back.encode(), "re-encoding gives the same bytes");
    }

    @Test
    void associateAcRoundTripsResultsAndIdentityResponse() throws Exception {
        AAssociateAC ac = new AAssociateAC();
        ac.callingAET("SCU");
        ac.calledAET("ARCHIVE");
        ac.addPresentationContext(PresentationContext.accepted(1, null, "1.2.840.10008.1.2"));
        ac.addPresentationContext(PresentationContext.rejected(3, null, PresentationContext.TRANSFER_SYNTAXES_NOT_SUPPORTED));
        ac.userInformation().maxPduLength(0).implClassUID("1.2.3").userIdentityResponse(new byte[] {9});
        AAssociateAC back = AAssociateAC.decode(body(ac.encode()));
        assertEquals("1.2.840.10008.1.2", back.presentationContext(1).transferSyntax());
        assertEquals(PresentationContext.TRANSFER_SYNTAXES_NOT_SUPPORTED, back.presentationContext(3).result());
        assertNull(back.presentationContext(3).transferSyntax());
        assertEquals(0, back.userInformation().maxPduLength());
        assertArrayEquals(new byte[] {9}, back.userInformation().userIdentityResponse());
    }

    @Test
    void rejectAndAbortLayout() throws Exception {
        assertArrayEquals(new byte[] {3, 0, 0, 0, 0, 4, 0, 1, 1, 7}, new AAssociateRJ(1, 1, 7).encode());
        assertArrayEquals(new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 2, 6}, new AAbort(2, 6).encode());
        assertEquals(new AAssociateRJ(2, 3, 1), AAssociateRJ.decode(new byte[] {0, 2, 3, 1}));
        assertEquals(AAbort.INVALID_PDU_PARAMETER_VALUE,
                assertThrows(PduException.class, () -> AAbort.decode(new byte[3])).abortReason());
    }

    @Test
    void malformedAssociateRqIsRejectedWithAbortReasons() {
        AAssociateRQ rq = new AAssociateRQ();
        rq.propose("1.2.840.10008.1.1", "1.2.840.10008.1.2");
        rq.userInformation().implClassUID("1.2");
        byte[] ok = body(rq.encode());
        byte[] truncated = Arrays.copyOf(ok, ok.length - 3);
        assertEquals(AAbort.INVALID_PDU_PARAMETER_VALUE,
                assertThrows(PduException.class, () -> AAssociateRQ.decode(truncated)).abortReason());
        byte[] unknownItem = ok.clone();
        unknownItem[68] = 0x77; // first item type after the 68-byte fixed part
        assertEquals(AAbort.UNRECOGNIZED_PDU_PARAMETER,
                assertThrows(PduException.class, () -> AAssociateRQ.decode(unknownItem)).abortReason());
        byte[] garbage = new byte[200];
        Arrays.fill(garbage, (byte) 0xFF);
        assertThrows(PduException.class, () -> AAssociateRQ.decode(garbage));
        assertThrows(PduException.class, () -> AAssociateRQ.decode(new byte[10]));
    }

    @Test
    void commandSetRoundTripsInImplicitLittleEndian() throws Exception {
        Command c = Commands.cStoreRQ(7, "1.2.840.10008.5.1.4.1.1.2", "1.2.3.45", 0, "MOVER", 3);
        byte[] b = c.encode();
        assertArrayEquals(new byte[] {0, 0, 0, 0, 4, 0, 0, 0}, Arrays.copyOf(b, 8), "(0000,0000) UL first");
        int groupLength = (b[8] & 0xFF) | ((b[9] & 0xFF) << 8);
        assertEquals(b.length - 12, groupLength);
        Command back = Command.decode(b, b.length);
        assertEquals(1, back.commandField());
        assertEquals(7, back.messageID());
        assertEquals("1.2.3.45", back.sopInstanceUID());
        assertEquals("MOVER", back.getString(Tag.MOVE_ORIGINATOR_AE_TITLE));
        assertEquals(3, back.getInt(Tag.MOVE_ORIGINATOR_MESSAGE_ID, 0));
        assertTrue(back.hasDataSet());
        assertEquals(0, b.length % 2, "even lengths (UIDs NUL padded)");
        Command rsp = Commands.response(back, 0, false);
        assertEquals(0x8001, rsp.commandField());
        assertEquals(7, rsp.messageIDBeingRespondedTo());
        assertTrue(!rsp.hasDataSet());
    }

    @Test
    void malformedCommandSetsAreRefused() {
        byte[] otherGroup = {8, 0, 0x18, 0, 2, 0, 0, 0, '1', 0};
        assertThrows(MalformedCommandException.class, () -> Command.decode(otherGroup, otherGroup.length));
        byte[] overrun = {0, 0, 0, 1, 50, 0, 0, 0, 1, 0};
        assertThrows(MalformedCommandException.class, () -> Command.decode(overrun, overrun.length));
    }

    @Test
    void pdvOutputFragmentsToThePeersMaximumAndPdvInputReassembles() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        PduOutput out = new PduOutput(wire);
        out.peerMaxPduLength(4096);
        byte[] data = new byte[10_000];
        new java.util.Random(3).nextBytes(data);
        out.lock();
        try (PdvOutputStream pdv = new PdvOutputStream(out, 5, false)) {
            pdv.write(data, 0, 123);
            pdv.write(data, 123, data.length - 123);
        } finally {
            out.unlock();
        }
        PduInput in = new PduInput(new ByteArrayInputStream(wire.toByteArray()));
        PdvInputStream pipe = new PdvInputStream(100);
        List<Long> lengths = new ArrayList<>();
        List<Integer> headers = new ArrayList<>();
        while (in.readHeader()) {
            assertEquals(4, in.type());
            lengths.add(in.length());
            PDataTF.read(in, in.length(), (pcid, mch, len, src) -> {
                assertEquals(5, pcid);
                headers.add(mch);
                byte[] frag = new byte[len];
                src.readFully(frag, 0, len);
                pipe.push(frag, (mch & PDataTF.LAST) != 0);
            });
        }
        assertEquals(List.of(4096L, 4096L, 1826L), lengths);
        assertEquals(List.of(0, 0, 2), headers);
        assertArrayEquals(data, pipe.readAllBytes());
    }

    /**
     * A handler thread reading into a direct buffer while fragments arrive one by one from
     * another thread (the handler is woken per batch of fragments, and at the last one): it
     * gets every byte in order, whether the data set ends on a batch boundary or not.
     */
    @Test
    void pdvStreamDeliversEveryByteToADirectBufferAcrossThreads() throws Exception {
        for (int fragments : new int[] {1, 15, 16, 17, 40}) {
            PdvInputStream pipe = new PdvInputStream(8, new org.arca.dicom.net.dimse.BufferPool(12));
            byte[] data = new byte[fragments * 1000 - 3];
            new java.util.Random(fragments).nextBytes(data);
            Thread reader = new Thread(() -> {
                try {
                    for (int off = 0; off < data.length; off += 1000) {
                        int n = Math.min(1000, data.length - off);
                        pipe.push(java.util.Arrays.copyOfRange(data, off, off + n), off + n == data.length);
                    }
                } catch (IOException e) {
                    pipe.fail(e);
                }
            });
            reader.start();
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocateDirect(4096);
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            int n;
            while ((n = pipe.read(buf.clear())) >= 0) {
                byte[] chunk = new byte[n];
                buf.flip().get(chunk);
                got.write(chunk);
            }
            reader.join(10_000);
            pipe.awaitEnd();
            assertArrayEquals(data, got.toByteArray(), fragments + " fragments");
        }
    }

    @Test
    void pdvStreamFailsInsteadOfEndingWhenTheAssociationDies() throws Exception {
        PdvInputStream pipe = new PdvInputStream(2);
        pipe.push(new byte[] {1, 2}, false);
        pipe.fail(new IOException("A-ABORT"));
        assertThrows(IOException.class, pipe::readAllBytes);
    }

    @Test
    void pDataWithInconsistentPdvLengthIsInvalid() {
        byte[] pdu = {0, 0, 0, 20, 1, 3, 0, 0};
        PduInput in = new PduInput(new ByteArrayInputStream(pdu));
        assertEquals(AAbort.INVALID_PDU_PARAMETER_VALUE, assertThrows(PduException.class,
                () -> PDataTF.read(in, 8, (p, m, l, s) -> { })).abortReason());
    }
}
