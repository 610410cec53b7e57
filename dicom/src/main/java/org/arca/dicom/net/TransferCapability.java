package org.arca.dicom.net;

import java.util.List;

/**
 * What an AE accepts for one SOP class in one role (its own role: SCP or SCU). "*" as SOP
 * class or as the only transfer syntax accepts anything proposed (storage SCPs that take all).
 * Transfer syntaxes are in preference order.
 */
public record TransferCapability(String sopClass, Role role, List<String> transferSyntaxes) {
    public static final String ANY = "*";

    public enum Role { SCU, SCP }

    public TransferCapability {
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }

    public static TransferCapability scp(String sopClass, String... transferSyntaxes) {
        return new TransferCapability(sopClass, Role.SCP, List.of(transferSyntaxes));
    }

    public static TransferCapability scu(String sopClass, String... transferSyntaxes) {
        return new TransferCapability(sopClass, Role.SCU, List.of(transferSyntaxes));
    }

    public boolean matches(String abstractSyntax, Role r) {
        return role == r && (ANY.equals(sopClass) || sopClass.equals(abstractSyntax));
    }

    /** Our preferred one among the proposed, or null. */
    public String choose(List<String> proposed) {
        if (transferSyntaxes.contains(ANY)) {
            return proposed.isEmpty() ? null : proposed.get(0);
        }
        for (String ts : transferSyntaxes) {
            if (proposed.contains(ts)) {
                return ts;
            }
        }
        return null;
    }
}
