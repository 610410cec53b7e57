package org.arca.dicom.net.pdu;

import java.nio.charset.StandardCharsets;

/**
 * User Identity negotiation sub-item of an A-ASSOCIATE-RQ (PS3.7 D.3.3.7). Kerberos, SAML and
 * JWT tokens are carried opaquely in the primary field; the archive validates them.
 */
public record UserIdentity(int type, boolean positiveResponseRequested, byte[] primaryField, byte[] secondaryField) {
    public static final int USERNAME = 1;
    public static final int USERNAME_PASSCODE = 2;
    public static final int KERBEROS = 3;
    public static final int SAML = 4;
    public static final int JWT = 5;

    public UserIdentity {
        primaryField = primaryField.clone();
        secondaryField = secondaryField == null ? new byte[0] : secondaryField.clone();
    }

    public static UserIdentity username(String user, boolean responseRequested) {
        return new UserIdentity(USERNAME, responseRequested, utf8(user), null);
    }

    public static UserIdentity usernamePasscode(String user, String passcode, boolean responseRequested) {
        return new UserIdentity(USERNAME_PASSCODE, responseRequested, utf8(user), utf8(passcode));
    }

    public static UserIdentity token(int type, byte[] token, boolean responseRequested) {
        return new UserIdentity(type, responseRequested, token, null);
    }

    /** Username (types 1 and 2) as text; the standard says UTF-8. */
    public String username() {
        return new String(primaryField, StandardCharsets.UTF_8);
    }

    public String passcode() {
        return new String(secondaryField, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] primaryField() {
        return primaryField.clone();
    }

    @Override
    public byte[] secondaryField() {
        return secondaryField.clone();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "UserIdentity[type=" + type + ", response=" + positiveResponseRequested + "]";
    }
}
