package org.arca.dicom.net;

import java.security.GeneralSecurityException;
import java.util.Map;
import org.arca.dicom.net.pdu.AAssociate;
import org.arca.dicom.net.pdu.AAssociateAC;
import org.arca.dicom.net.pdu.AAssociateRJ;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.dicom.net.pdu.AsyncOpsWindow;
import org.arca.dicom.net.pdu.PresentationContext;
import org.arca.dicom.net.pdu.RoleSelection;
import org.arca.dicom.net.pdu.UserIdentity;
import org.arca.dicom.net.pdu.UserInformation;

/**
 * The acceptor's decision on an A-ASSOCIATE-RQ (PS3.8 7.1, PS3.7 annex D): either an
 * A-ASSOCIATE-RJ with result/source/reason, or an A-ASSOCIATE-AC with a result per
 * presentation context and the answers to the user information sub-items.
 */
final class Negotiation {
    /** Exactly one of the two is set. */
    record Outcome(AAssociateAC accept, AAssociateRJ reject, ApplicationEntity ae) {
    }

    private Negotiation() {
    }

    static Outcome negotiate(AAssociateRQ rq, Map<String, ApplicationEntity> aes, ConnectionOptions opts) {
        return negotiate(rq, aes, null, opts);
    }

    /** {@code fallback} (may be null) serves a called AE title that names no AE. */
    static Outcome negotiate(AAssociateRQ rq, Map<String, ApplicationEntity> aes, ApplicationEntity fallback,
                             ConnectionOptions opts) {
        if ((rq.protocolVersion() & 1) == 0) {
            return reject(AAssociateRJ.SOURCE_SERVICE_PROVIDER_ACSE, AAssociateRJ.PROTOCOL_VERSION_NOT_SUPPORTED);
        }
        if (!AAssociate.DICOM_APPLICATION_CONTEXT.equals(rq.applicationContext())) {
            return reject(AAssociateRJ.SOURCE_SERVICE_USER, AAssociateRJ.APPLICATION_CONTEXT_NAME_NOT_SUPPORTED);
        }
        ApplicationEntity ae = aes.getOrDefault(rq.calledAET(), fallback);
        if (ae == null) {
            return reject(AAssociateRJ.SOURCE_SERVICE_USER, AAssociateRJ.CALLED_AE_TITLE_NOT_RECOGNIZED);
        }
        if (!ae.acceptsCallingAET(rq.callingAET())) {
            return reject(AAssociateRJ.SOURCE_SERVICE_USER, AAssociateRJ.CALLING_AE_TITLE_NOT_RECOGNIZED);
        }
        if (ae.associationFilter() != null) {
            AAssociateRJ rj = ae.associationFilter().check(rq);
            if (rj != null) {
                return new Outcome(null, rj, null);
            }
        }
        AAssociateAC ac = new AAssociateAC();
        UserInformation rqInfo = rq.userInformation();
        UserInformation acInfo = ac.userInformation();
        UserIdentity id = rqInfo.userIdentity();
        if (id == null && ae.userIdentityRequired()) {
            return reject(AAssociateRJ.SOURCE_SERVICE_USER, AAssociateRJ.NO_REASON_GIVEN);
        }
        if (id != null && ae.userIdentityValidator() != null) {
            try {
                byte[] response = ae.userIdentityValidator().validate(rq.callingAET(), id);
                if (id.positiveResponseRequested()) {
                    acInfo.userIdentityResponse(response == null ? new byte[0] : response);
                }
            } catch (GeneralSecurityException e) {
                return reject(AAssociateRJ.SOURCE_SERVICE_USER, AAssociateRJ.NO_REASON_GIVEN);
            }
        }
        ac.calledAET(rq.calledAET());
        ac.callingAET(rq.callingAET());
        acInfo.maxPduLength(opts.maxPduLength())
                .implClassUID(ConnectionOptions.IMPLEMENTATION_CLASS_UID)
                .implVersionName(ConnectionOptions.IMPLEMENTATION_VERSION_NAME);
        AsyncOpsWindow w = rqInfo.asyncOpsWindow();
        if (w != null) {
            // The requestor may invoke what we may perform, and vice versa.
            acInfo.asyncOpsWindow(new AsyncOpsWindow(min0(w.maxOpsInvoked(), opts.maxOpsPerformed()),
                    min0(w.maxOpsPerformed(), opts.maxOpsInvoked())));
        }
        for (PresentationContext pc : rq.presentationContexts()) {
            ac.addPresentationContext(negotiate(pc, rqInfo, acInfo, ae));
        }
        return new Outcome(ac, null, ae);
    }

    private static PresentationContext negotiate(PresentationContext pc, UserInformation rqInfo,
                                                 UserInformation acInfo, ApplicationEntity ae) {
        String as = pc.abstractSyntax();
        RoleSelection rs = rqInfo.roleSelections().get(as);
        boolean wantsScu = rs == null || rs.scu();
        boolean wantsScp = rs != null && rs.scp();
        // The requestor acting as SCU needs us as SCP, and the other way round.
        TransferCapability asScp = ae.capability(as, TransferCapability.Role.SCP);
        TransferCapability asScu = ae.capability(as, TransferCapability.Role.SCU);
        if (asScp == null && asScu == null) {
            return PresentationContext.rejected(pc.id(), as, PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED);
        }
        boolean scu = wantsScu && asScp != null;
        boolean scp = wantsScp && asScu != null;
        if (!scu && !scp) {
            return PresentationContext.rejected(pc.id(), as, PresentationContext.USER_REJECTION);
        }
        String ts = scu ? asScp.choose(pc.transferSyntaxes()) : null;
        if (ts == null && scp) {
            ts = asScu.choose(pc.transferSyntaxes());
        }
        if (ts == null) {
            return PresentationContext.rejected(pc.id(), as, PresentationContext.TRANSFER_SYNTAXES_NOT_SUPPORTED);
        }
        if (rs != null && !acInfo.roleSelections().containsKey(as)) {
            acInfo.addRoleSelection(new RoleSelection(as, scu, scp));
        }
        byte[] ext = rqInfo.extendedNegotiations().get(as);
        if (ext != null && ae.extendedNegotiator() != null && !acInfo.extendedNegotiations().containsKey(as)) {
            byte[] answer = ae.extendedNegotiator().negotiate(as, ext);
            if (answer != null) {
                acInfo.addExtendedNegotiation(as, answer);
            }
        }
        return PresentationContext.accepted(pc.id(), as, ts);
    }

    private static int min0(int a, int b) {
        if (a == 0) {
            return b;
        }
        return b == 0 ? a : Math.min(a, b);
    }

    private static Outcome reject(int source, int reason) {
        return new Outcome(null, new AAssociateRJ(AAssociateRJ.RESULT_REJECTED_PERMANENT, source, reason), null);
    }

    static Outcome rejectTransient(int reason) {
        return new Outcome(null, new AAssociateRJ(AAssociateRJ.RESULT_REJECTED_TRANSIENT,
                AAssociateRJ.SOURCE_SERVICE_PROVIDER_PRESENTATION, reason), null);
    }
}
