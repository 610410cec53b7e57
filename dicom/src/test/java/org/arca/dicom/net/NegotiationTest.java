package org.arca.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.arca.dicom.net.dimse.Status;
import org.arca.dicom.net.pdu.AAssociateAC;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.dicom.net.pdu.AsyncOpsWindow;
import org.arca.dicom.net.pdu.PresentationContext;
import org.arca.dicom.net.pdu.RoleSelection;
import org.arca.dicom.net.pdu.UserIdentity;
import org.arca.dicom.net.support.Dcmtk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Association negotiation: rejections, presentation context results, user information items. */
class NegotiationTest {
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private static final String EXPLICIT = "1.2.840.10008.1.2.1";
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    private static final String STORAGE_COMMITMENT = "1.2.840.10008.1.20.1";
    private static final String STUDY_FIND = "1.2.840.10008.5.1.4.1.2.2.1";

    private static DicomServer server;

    @BeforeAll
    static void start() throws Exception {
        ApplicationEntity ae = new ApplicationEntity("ARCA")
                .acceptCallingAETitles("GOODSCU", "IDSCU")
                .addTransferCapability(TransferCapability.scp(Association.VERIFICATION, IMPLICIT))
                .addTransferCapability(TransferCapability.scp(CT, EXPLICIT, IMPLICIT))
                .addTransferCapability(TransferCapability.scu(CT, EXPLICIT))
                .addTransferCapability(TransferCapability.scu(STORAGE_COMMITMENT, IMPLICIT))
                .addTransferCapability(TransferCapability.scp(STUDY_FIND, IMPLICIT))
                .extendedNegotiator((cuid, info) -> STUDY_FIND.equals(cuid) ? new byte[] {1, 0} : null);
        ApplicationEntity secured = new ApplicationEntity("SECURE")
                .addTransferCapability(TransferCapability.scp(Association.VERIFICATION, IMPLICIT))
                .userIdentityValidator(NegotiationTest::checkUser, true);
        server = new DicomServer(new ConnectionOptions().asyncOpsWindow(1, 3))
                .addApplicationEntity(ae).addApplicationEntity(secured).start(0);
    }

    private static byte[] checkUser(String callingAET, UserIdentity id) throws GeneralSecurityException {
        if (id.type() == UserIdentity.USERNAME_PASSCODE && "alice".equals(id.username()) && "s3cret".equals(id.passcode())) {
            return new byte[0];
        }
        if (id.type() == UserIdentity.JWT && new String(id.primaryField(), StandardCharsets.US_ASCII).startsWith("eyJ")) {
            return "token-ok".getBytes(StandardCharsets.US_ASCII);
        }
        throw new GeneralSecurityException("unknown user");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static AAssociateRQ rq(String calling, String called) {
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAET(calling);
        rq.calledAET(called);
        rq.propose(Association.VERIFICATION, IMPLICIT);
        return rq;
    }

    private static Association connect(AAssociateRQ rq) throws Exception {
        return Association.connect("127.0.0.1", server.port(), rq, new ConnectionOptions());
    }

    @Test
    void echoscuWithWrongCalledAETitleIsRejectedPermanentlyByServiceUserReason7() throws Exception {
        Dcmtk.Result r = Dcmtk.run(30, "echoscu", "-v", "-aet", "GOODSCU", "-aec", "WRONG", "127.0.0.1",
                String.valueOf(server.port()));
        assertNotEquals(0, r.exitCode());
        String out = r.output();
        assertTrue(out.contains("Result: Rejected Permanent, Source: Service User")
                && out.contains("Called AE Title Not Recognized"), out);
    }

    @Test
    void echoscuWithUnknownCallingAETitleIsRejectedReason3() throws Exception {
        Dcmtk.Result r = Dcmtk.run(30, "echoscu", "-v", "-aet", "STRANGER", "-aec", "ARCA", "127.0.0.1",
                String.valueOf(server.port()));
        assertNotEquals(0, r.exitCode());
        assertTrue(r.output().contains("Calling AE Title Not Recognized"), r.output());
    }

    @Test
    void ourScuSeesResultSourceReasonOfRejection() {
        AssociationRejectedException called = assertThrows(AssociationRejectedException.class,
                () -> connect(rq("GOODSCU", "NOBODY")));
        assertEquals(1, called.result());
        assertEquals(1, called.source());
        assertEquals(7, called.reason());
        AssociationRejectedException calling = assertThrows(AssociationRejectedException.class,
                () -> connect(rq("STRANGER", "ARCA")));
        assertEquals(1, calling.result());
        assertEquals(1, calling.source());
        assertEquals(3, calling.reason());
        AAssociateRQ badContext = rq("GOODSCU", "ARCA");
        badContext.applicationContext("1.2.3.4");
        assertEquals(2, assertThrows(AssociationRejectedException.class, () -> connect(badContext)).reason());
    }

    @Test
    void presentationContextResultsAndRoles() throws Exception {
        AAssociateRQ rq = rq("GOODSCU", "ARCA");
        int ctExplicit = rq.propose(CT, IMPLICIT, EXPLICIT);
        int mr = rq.propose(MR, EXPLICIT);
        int ctBigEndian = rq.propose(CT, "1.2.840.10008.1.2.2");
        int commit = rq.propose(STORAGE_COMMITMENT, IMPLICIT);
        rq.addPresentationContext(PresentationContext.proposal(101, CT, IMPLICIT, EXPLICIT));
        rq.userInformation().addRoleSelection(new RoleSelection(CT, true, true));
        Association as = connect(rq);
        try {
            AAssociateAC ac = as.accept();
            assertEquals(PresentationContext.ACCEPTANCE, ac.presentationContext(1).result());
            assertEquals(PresentationContext.ACCEPTANCE, ac.presentationContext(ctExplicit).result());
            assertEquals(EXPLICIT, ac.presentationContext(ctExplicit).transferSyntax(), "our preference wins");
            assertEquals(PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED, ac.presentationContext(mr).result());
            assertEquals(PresentationContext.TRANSFER_SYNTAXES_NOT_SUPPORTED, ac.presentationContext(ctBigEndian).result());
            // We only act as SCU of storage commitment; a requestor wanting to be SCU gets user-rejection.
            assertEquals(PresentationContext.USER_REJECTION, ac.presentationContext(commit).result());
            assertEquals(new RoleSelection(CT, true, true), ac.userInformation().roleSelections().get(CT));
            assertEquals(-1, as.presentationContextFor(MR, null));
            assertEquals(Status.SUCCESS, as.echo());
            as.release();
        } finally {
            as.abort();
        }
    }

    @Test
    void userInformationItemsAreAnswered() throws Exception {
        AAssociateRQ rq = rq("GOODSCU", "ARCA");
        rq.propose(STUDY_FIND, IMPLICIT);
        rq.userInformation().asyncOpsWindow(new AsyncOpsWindow(5, 5)).addExtendedNegotiation(STUDY_FIND, new byte[] {1, 1});
        Association as = connect(rq);
        AAssociateAC ac = as.accept();
        assertEquals(ConnectionOptions.IMPLEMENTATION_CLASS_UID, ac.userInformation().implClassUID());
        assertEquals(ConnectionOptions.IMPLEMENTATION_VERSION_NAME, ac.userInformation().implVersionName());
        assertEquals(new AsyncOpsWindow(3, 1), ac.userInformation().asyncOpsWindow());
        assertArrayEquals(new byte[] {1, 0}, ac.userInformation().extendedNegotiations().get(STUDY_FIND));
        assertEquals(65536, ac.userInformation().maxPduLength());
        as.release();
    }

    @Test
    void userIdentityNegotiation() throws Exception {
        AAssociateRQ ok = rq("IDSCU", "SECURE");
        ok.userInformation().userIdentity(UserIdentity.usernamePasscode("alice", "s3cret", true));
        Association as = connect(ok);
        assertArrayEquals(new byte[0], as.accept().userInformation().userIdentityResponse());
        as.release();

        AAssociateRQ jwt = rq("IDSCU", "SECURE");
        jwt.userInformation().userIdentity(UserIdentity.token(UserIdentity.JWT, "eyJhbGciOi.x.y".getBytes(), true));
        as = connect(jwt);
        assertArrayEquals("token-ok".getBytes(), as.accept().userInformation().userIdentityResponse());
        as.release();

        AAssociateRQ wrong = rq("IDSCU", "SECURE");
        wrong.userInformation().userIdentity(UserIdentity.usernamePasscode("alice", "guess", false));
        AssociationRejectedException e = assertThrows(AssociationRejectedException.class, () -> connect(wrong));
        assertEquals(1, e.source());
        assertEquals(1, e.reason());
        assertThrows(AssociationRejectedException.class, () -> connect(rq("IDSCU", "SECURE")), "identity required");
    }

    @Test
    void localLimitGivesTransientRejectionFromPresentationProvider() throws Exception {
        ApplicationEntity ae = new ApplicationEntity("ONE")
                .addTransferCapability(TransferCapability.scp(Association.VERIFICATION, IMPLICIT));
        try (DicomServer one = new DicomServer(new ConnectionOptions()).maxAssociations(1).addApplicationEntity(ae).start(0)) {
            Association first = Association.connect("127.0.0.1", one.port(), rq("A", "ONE"), new ConnectionOptions());
            AssociationRejectedException e = assertThrows(AssociationRejectedException.class,
                    () -> Association.connect("127.0.0.1", one.port(), rq("B", "ONE"), new ConnectionOptions()));
            assertEquals(2, e.result());
            assertEquals(3, e.source());
            assertEquals(2, e.reason());
            first.release();
        }
    }
}
