package org.arca.dicom.net.pdu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fields common to A-ASSOCIATE-RQ and A-ASSOCIATE-AC (PS3.8 9.3.2/9.3.3). */
public abstract class AAssociate {
    public static final String DICOM_APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";
    static final int APPLICATION_CONTEXT_ITEM = 0x10;
    static final int PC_RQ_ITEM = 0x20;
    static final int PC_AC_ITEM = 0x21;
    static final int ABSTRACT_SYNTAX_ITEM = 0x30;
    static final int TRANSFER_SYNTAX_ITEM = 0x40;

    private int protocolVersion = 1;
    private String calledAET = "ANY-SCP";
    private String callingAET = "ANY-SCU";
    private String applicationContext = DICOM_APPLICATION_CONTEXT;
    private final Map<Integer, PresentationContext> presentationContexts = new LinkedHashMap<>();
    private UserInformation userInformation = new UserInformation();

    public int protocolVersion() {
        return protocolVersion;
    }

    public void protocolVersion(int v) {
        protocolVersion = v;
    }

    public String calledAET() {
        return calledAET;
    }

    public void calledAET(String ae) {
        calledAET = checkAE(ae);
    }

    public String callingAET() {
        return callingAET;
    }

    public void callingAET(String ae) {
        callingAET = checkAE(ae);
    }

    public String applicationContext() {
        return applicationContext;
    }

    public void applicationContext(String uid) {
        applicationContext = uid;
    }

    public List<PresentationContext> presentationContexts() {
        return Collections.unmodifiableList(new ArrayList<>(presentationContexts.values()));
    }

    public PresentationContext presentationContext(int id) {
        return presentationContexts.get(id);
    }

    public void addPresentationContext(PresentationContext pc) {
        if (presentationContexts.putIfAbsent(pc.id(), pc) != null) {
            throw new IllegalArgumentException("duplicate presentation context ID " + pc.id());
        }
    }

    public UserInformation userInformation() {
        return userInformation;
    }

    abstract int pduType();

    abstract boolean isRequest();

    public byte[] encode() {
        ItemWriter w = new ItemWriter();
        w.u16(protocolVersion).u16(0).aeTitle(calledAET).aeTitle(callingAET).zeros(32);
        w.stringItem(APPLICATION_CONTEXT_ITEM, applicationContext);
        for (PresentationContext pc : presentationContexts.values()) {
            if (isRequest()) {
                int m = w.begin16(PC_RQ_ITEM);
                w.u8(pc.id()).u8(0).u8(0).u8(0);
                w.stringItem(ABSTRACT_SYNTAX_ITEM, pc.abstractSyntax());
                for (String ts : pc.transferSyntaxes()) {
                    w.stringItem(TRANSFER_SYNTAX_ITEM, ts);
                }
                w.end16(m);
            } else {
                int m = w.begin16(PC_AC_ITEM);
                w.u8(pc.id()).u8(0).u8(pc.result()).u8(0);
                // PS3.8 9.3.3.2: the TS sub-item is present but not significant when rejected.
                w.stringItem(TRANSFER_SYNTAX_ITEM, pc.isAccepted() ? pc.transferSyntax() : "");
                w.end16(m);
            }
        }
        userInformation.encode(w, isRequest());
        return w.toPdu(pduType());
    }

    void decodeBody(byte[] body) throws PduException {
        ItemReader r = new ItemReader(body, 0, body.length);
        protocolVersion = r.u16();
        r.skip(2);
        calledAET = r.ascii(16);
        callingAET = r.ascii(16);
        r.skip(32);
        boolean sawContext = false;
        boolean sawUserInfo = false;
        while (r.remaining() > 0) {
            int type = r.u8();
            r.skip(1);
            ItemReader item = r.slice(r.u16());
            switch (type) {
                case APPLICATION_CONTEXT_ITEM:
                    applicationContext = item.ascii(item.remaining());
                    sawContext = true;
                    break;
                case PC_RQ_ITEM:
                    if (!isRequest()) {
                        throw new PduException(AAbort.UNEXPECTED_PDU_PARAMETER, "RQ presentation context in AC");
                    }
                    addDecoded(decodeRqContext(item));
                    break;
                case PC_AC_ITEM:
                    if (isRequest()) {
                        throw new PduException(AAbort.UNEXPECTED_PDU_PARAMETER, "AC presentation context in RQ");
                    }
                    addDecoded(decodeAcContext(item));
                    break;
                case UserInformation.ITEM:
                    userInformation = UserInformation.decode(item, isRequest());
                    sawUserInfo = true;
                    break;
                default:
                    throw new PduException(AAbort.UNRECOGNIZED_PDU_PARAMETER,
                            String.format("unknown item type 0x%02X", type));
            }
        }
        if (!sawContext || !sawUserInfo || (isRequest() && presentationContexts.isEmpty())) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE,
                    "missing application context, presentation context or user information item");
        }
    }

    private void addDecoded(PresentationContext pc) throws PduException {
        if (presentationContexts.putIfAbsent(pc.id(), pc) != null) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "duplicate presentation context " + pc.id());
        }
    }

    private static int checkId(int id) throws PduException {
        if ((id & 1) == 0) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "even presentation context ID " + id);
        }
        return id;
    }

    private static PresentationContext decodeRqContext(ItemReader r) throws PduException {
        int id = checkId(r.u8());
        r.skip(3);
        String as = null;
        List<String> tss = new ArrayList<>();
        while (r.remaining() > 0) {
            int type = r.u8();
            r.skip(1);
            ItemReader sub = r.slice(r.u16());
            if (type == ABSTRACT_SYNTAX_ITEM && as == null) {
                as = sub.ascii(sub.remaining());
            } else if (type == TRANSFER_SYNTAX_ITEM) {
                tss.add(sub.ascii(sub.remaining()));
            } else {
                throw new PduException(AAbort.UNEXPECTED_PDU_PARAMETER,
                        String.format("sub-item 0x%02X in presentation context %d", type, id));
            }
        }
        if (as == null || as.isEmpty() || tss.isEmpty()) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE,
                    "presentation context " + id + " lacks abstract or transfer syntax");
        }
        return new PresentationContext(id, as, tss, PresentationContext.ACCEPTANCE);
    }

    private static PresentationContext decodeAcContext(ItemReader r) throws PduException {
        int id = checkId(r.u8());
        r.skip(1);
        int result = r.u8();
        r.skip(1);
        if (result > PresentationContext.TRANSFER_SYNTAXES_NOT_SUPPORTED) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "presentation context result " + result);
        }
        String ts = null;
        while (r.remaining() > 0) {
            int type = r.u8();
            r.skip(1);
            ItemReader sub = r.slice(r.u16());
            if (type != TRANSFER_SYNTAX_ITEM) {
                throw new PduException(AAbort.UNEXPECTED_PDU_PARAMETER,
                        String.format("sub-item 0x%02X in presentation context %d", type, id));
            }
            ts = sub.ascii(sub.remaining());
        }
        if (result == PresentationContext.ACCEPTANCE && (ts == null || ts.isEmpty())) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "accepted context " + id + " without TS");
        }
        return new PresentationContext(id, null,
                result == PresentationContext.ACCEPTANCE ? List.of(ts) : List.of(), result);
    }

    private static String checkAE(String ae) {
        String t = ae.trim();
        if (t.isEmpty() || t.length() > 16) {
            throw new IllegalArgumentException("AE title must be 1..16 characters: '" + ae + "'");
        }
        return t;
    }
}
