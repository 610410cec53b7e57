package org.arca.dicom.net.pdu;

import java.util.List;

/**
 * A presentation context item. In an A-ASSOCIATE-RQ it carries the abstract syntax and the
 * proposed transfer syntaxes; in an A-ASSOCIATE-AC the result and (if accepted) the one
 * chosen transfer syntax, the abstract syntax being known from the request by its ID.
 */
public record PresentationContext(int id, String abstractSyntax, List<String> transferSyntaxes, int result) {
    public static final int ACCEPTANCE = 0;
    public static final int USER_REJECTION = 1;
    public static final int NO_REASON = 2;
    public static final int ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
    public static final int TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    public PresentationContext {
        if (id < 1 || id > 255 || (id & 1) == 0) {
            throw new IllegalArgumentException("presentation context ID must be odd 1..255: " + id);
        }
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }

    /** A proposal for an A-ASSOCIATE-RQ. */
    public static PresentationContext proposal(int id, String abstractSyntax, String... transferSyntaxes) {
        return new PresentationContext(id, abstractSyntax, List.of(transferSyntaxes), ACCEPTANCE);
    }

    public static PresentationContext accepted(int id, String abstractSyntax, String transferSyntax) {
        return new PresentationContext(id, abstractSyntax, List.of(transferSyntax), ACCEPTANCE);
    }

    public static PresentationContext rejected(int id, String abstractSyntax, int result) {
        return new PresentationContext(id, abstractSyntax, List.of(), result);
    }

    public boolean isAccepted() {
        return result == ACCEPTANCE;
    }

    /** The accepted transfer syntax of an AC item. */
    public String transferSyntax() {
        return transferSyntaxes.isEmpty() ? null : transferSyntaxes.get(0);
    }

    public static String resultText(int result) {
        switch (result) {
            case ACCEPTANCE: return "acceptance";
            case USER_REJECTION: return "user-rejection";
            case NO_REASON: return "no-reason (provider rejection)";
            case ABSTRACT_SYNTAX_NOT_SUPPORTED: return "abstract-syntax-not-supported";
            case TRANSFER_SYNTAXES_NOT_SUPPORTED: return "transfer-syntaxes-not-supported";
            default: return "result " + result;
        }
    }
}
