package org.arca.dicom.net.pdu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The User Information item (0x50) shared by A-ASSOCIATE-RQ and -AC: maximum length,
 * implementation identification, asynchronous operations window, role selection, SOP class
 * (common) extended negotiation and user identity.
 */
public final class UserInformation {
    static final int ITEM = 0x50;
    static final int MAX_LENGTH = 0x51;
    static final int IMPL_CLASS_UID = 0x52;
    static final int ASYNC_OPS = 0x53;
    static final int ROLE_SELECTION = 0x54;
    static final int IMPL_VERSION_NAME = 0x55;
    static final int EXTENDED_NEGOTIATION = 0x56;
    static final int COMMON_EXTENDED_NEGOTIATION = 0x57;
    static final int USER_IDENTITY_RQ = 0x58;
    static final int USER_IDENTITY_AC = 0x59;

    private long maxPduLength;
    private String implClassUID;
    private String implVersionName;
    private AsyncOpsWindow asyncOpsWindow;
    private final Map<String, RoleSelection> roleSelections = new LinkedHashMap<>();
    private final Map<String, byte[]> extendedNegotiations = new LinkedHashMap<>();
    private final List<byte[]> commonExtendedNegotiations = new ArrayList<>();
    private UserIdentity userIdentity;
    private byte[] userIdentityResponse;

    /** Maximum length of P-DATA-TF PDUs the sender of this item can receive; 0 = no limit. */
    public long maxPduLength() {
        return maxPduLength;
    }

    public UserInformation maxPduLength(long v) {
        if (v < 0 || v > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("max PDU length " + v);
        }
        maxPduLength = v;
        return this;
    }

    public String implClassUID() {
        return implClassUID;
    }

    public UserInformation implClassUID(String uid) {
        implClassUID = uid;
        return this;
    }

    public String implVersionName() {
        return implVersionName;
    }

    public UserInformation implVersionName(String name) {
        if (name != null && (name.isEmpty() || name.length() > 16)) {
            throw new IllegalArgumentException("implementation version name must be 1..16 chars");
        }
        implVersionName = name;
        return this;
    }

    public AsyncOpsWindow asyncOpsWindow() {
        return asyncOpsWindow;
    }

    public UserInformation asyncOpsWindow(AsyncOpsWindow w) {
        asyncOpsWindow = w;
        return this;
    }

    public Map<String, RoleSelection> roleSelections() {
        return Collections.unmodifiableMap(roleSelections);
    }

    public UserInformation addRoleSelection(RoleSelection rs) {
        roleSelections.put(rs.sopClassUID(), rs);
        return this;
    }

    /** Service-class application information per SOP class UID. */
    public Map<String, byte[]> extendedNegotiations() {
        return Collections.unmodifiableMap(extendedNegotiations);
    }

    public UserInformation addExtendedNegotiation(String sopClassUID, byte[] info) {
        extendedNegotiations.put(sopClassUID, info.clone());
        return this;
    }

    /** SOP Class Common Extended Negotiation items (0x57), kept as opaque item bodies. */
    public List<byte[]> commonExtendedNegotiations() {
        return Collections.unmodifiableList(commonExtendedNegotiations);
    }

    public UserInformation addCommonExtendedNegotiation(byte[] itemBody) {
        commonExtendedNegotiations.add(itemBody.clone());
        return this;
    }

    public UserIdentity userIdentity() {
        return userIdentity;
    }

    public UserInformation userIdentity(UserIdentity id) {
        userIdentity = id;
        return this;
    }

    /** Server response of a positive User Identity AC item; null when the AC has none. */
    public byte[] userIdentityResponse() {
        return userIdentityResponse == null ? null : userIdentityResponse.clone();
    }

    public UserInformation userIdentityResponse(byte[] rsp) {
        userIdentityResponse = rsp == null ? null : rsp.clone();
        return this;
    }

    void encode(ItemWriter w, boolean rq) {
        int ui = w.begin16(ITEM);
        int m = w.begin16(MAX_LENGTH);
        w.u32(maxPduLength);
        w.end16(m);
        if (implClassUID == null) {
            throw new IllegalStateException("implementation class UID is mandatory");
        }
        w.stringItem(IMPL_CLASS_UID, implClassUID);
        if (asyncOpsWindow != null) {
            m = w.begin16(ASYNC_OPS);
            w.u16(asyncOpsWindow.maxOpsInvoked()).u16(asyncOpsWindow.maxOpsPerformed());
            w.end16(m);
        }
        for (RoleSelection rs : roleSelections.values()) {
            m = w.begin16(ROLE_SELECTION);
            byte[] uid = ascii(rs.sopClassUID());
            w.u16(uid.length).bytes(uid).u8(rs.scu() ? 1 : 0).u8(rs.scp() ? 1 : 0);
            w.end16(m);
        }
        if (implVersionName != null) {
            w.stringItem(IMPL_VERSION_NAME, implVersionName);
        }
        for (Map.Entry<String, byte[]> e : extendedNegotiations.entrySet()) {
            m = w.begin16(EXTENDED_NEGOTIATION);
            byte[] uid = ascii(e.getKey());
            w.u16(uid.length).bytes(uid).bytes(e.getValue());
            w.end16(m);
        }
        if (rq) {
            for (byte[] body : commonExtendedNegotiations) {
                m = w.begin16(COMMON_EXTENDED_NEGOTIATION);
                w.bytes(body);
                w.end16(m);
            }
            if (userIdentity != null) {
                m = w.begin16(USER_IDENTITY_RQ);
                byte[] p = userIdentity.primaryField();
                byte[] s = userIdentity.secondaryField();
                w.u8(userIdentity.type()).u8(userIdentity.positiveResponseRequested() ? 1 : 0)
                        .u16(p.length).bytes(p).u16(s.length).bytes(s);
                w.end16(m);
            }
        } else if (userIdentityResponse != null) {
            m = w.begin16(USER_IDENTITY_AC);
            w.u16(userIdentityResponse.length).bytes(userIdentityResponse);
            w.end16(m);
        }
        w.end16(ui);
    }

    static UserInformation decode(ItemReader r, boolean rq) throws PduException {
        UserInformation u = new UserInformation();
        boolean sawMaxLength = false;
        while (r.remaining() > 0) {
            int type = r.u8();
            r.skip(1);
            ItemReader item = r.slice(r.u16());
            switch (type) {
                case MAX_LENGTH:
                    u.maxPduLength = item.u32();
                    sawMaxLength = true;
                    break;
                case IMPL_CLASS_UID:
                    u.implClassUID = item.ascii(item.remaining());
                    break;
                case IMPL_VERSION_NAME:
                    u.implVersionName = item.ascii(item.remaining());
                    break;
                case ASYNC_OPS:
                    u.asyncOpsWindow = new AsyncOpsWindow(item.u16(), item.u16());
                    break;
                case ROLE_SELECTION: {
                    String uid = item.ascii(item.u16());
                    u.addRoleSelection(new RoleSelection(uid, item.u8() == 1, item.u8() == 1));
                    break;
                }
                case EXTENDED_NEGOTIATION: {
                    String uid = item.ascii(item.u16());
                    u.extendedNegotiations.put(uid, item.bytes(item.remaining()));
                    break;
                }
                case COMMON_EXTENDED_NEGOTIATION:
                    u.commonExtendedNegotiations.add(item.bytes(item.remaining()));
                    break;
                case USER_IDENTITY_RQ:
                    if (rq) {
                        int idType = item.u8();
                        boolean rsp = item.u8() == 1;
                        byte[] primary = item.bytes(item.u16());
                        byte[] secondary = item.bytes(item.u16());
                        u.userIdentity = new UserIdentity(idType, rsp, primary, secondary);
                    }
                    break;
                case USER_IDENTITY_AC:
                    if (!rq) {
                        u.userIdentityResponse = item.bytes(item.u16());
                    }
                    break;
                default:
                    // PS3.7 D.3.3: unknown user information sub-items are ignored, so peers can extend.
                    break;
            }
        }
        if (!sawMaxLength) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "missing Maximum Length sub-item");
        }
        return u;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
