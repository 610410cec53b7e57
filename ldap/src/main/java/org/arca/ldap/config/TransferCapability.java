package org.arca.ldap.config;

import java.util.ArrayList;
import java.util.List;

/** A transfer capability of an AE; SOP class and transfer syntax {@code *} match any. */
public final class TransferCapability {
    private String name;
    private String sopClass;
    private Enums.TransferRole role;
    private List<String> transferSyntaxes = new ArrayList<>();

    public TransferCapability() {}

    public TransferCapability(String name, String sopClass, Enums.TransferRole role, List<String> transferSyntaxes) {
        this.name = name;
        this.sopClass = sopClass;
        this.role = role;
        this.transferSyntaxes = new ArrayList<>(transferSyntaxes);
    }

    public String getName() { return name; }
    public TransferCapability setName(String v) { name = v; return this; }
    public String getSopClass() { return sopClass; }
    public TransferCapability setSopClass(String v) { sopClass = v; return this; }
    public Enums.TransferRole getRole() { return role; }
    public TransferCapability setRole(Enums.TransferRole v) { role = v; return this; }
    public List<String> getTransferSyntaxes() { return transferSyntaxes; }
    public TransferCapability setTransferSyntaxes(List<String> v) { transferSyntaxes = new ArrayList<>(v); return this; }
}
