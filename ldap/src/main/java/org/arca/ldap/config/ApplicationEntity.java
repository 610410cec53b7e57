package org.arca.ldap.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A network AE (dicomNetworkAE + dcmNetworkAE + dcmArchiveNetworkAE). Its connections are named
 * by their cn on the same device; in LDAP they are DN references.
 */
public final class ApplicationEntity {
    private String aeTitle;
    private String description;
    private List<String> connectionNames = new ArrayList<>();
    private boolean associationInitiator = true;
    private boolean associationAcceptor = true;
    private Boolean installed; // null: as the device
    private List<String> acceptedCallingAETitles = new ArrayList<>();
    private List<String> otherAETitles = new ArrayList<>();
    private List<String> preferredTransferSyntaxes = new ArrayList<>();
    private List<String> objectStorageIDs = new ArrayList<>();
    private Enums.OverwritePolicy overwritePolicy; // null: as the device
    private List<TransferCapability> transferCapabilities = new ArrayList<>();
    private List<ExportRule> exportRules = new ArrayList<>();

    public ApplicationEntity() {}

    public ApplicationEntity(String aeTitle) { this.aeTitle = aeTitle; }

    public String getAeTitle() { return aeTitle; }
    public ApplicationEntity setAeTitle(String v) { aeTitle = v; return this; }
    public String getDescription() { return description; }
    public ApplicationEntity setDescription(String v) { description = v; return this; }
    public List<String> getConnectionNames() { return connectionNames; }
    public ApplicationEntity setConnectionNames(List<String> v) { connectionNames = new ArrayList<>(v); return this; }
    public boolean isAssociationInitiator() { return associationInitiator; }
    public ApplicationEntity setAssociationInitiator(boolean v) { associationInitiator = v; return this; }
    public boolean isAssociationAcceptor() { return associationAcceptor; }
    public ApplicationEntity setAssociationAcceptor(boolean v) { associationAcceptor = v; return this; }
    public Boolean getInstalled() { return installed; }
    public ApplicationEntity setInstalled(Boolean v) { installed = v; return this; }
    public List<String> getAcceptedCallingAETitles() { return acceptedCallingAETitles; }
    public ApplicationEntity setAcceptedCallingAETitles(List<String> v) { acceptedCallingAETitles = new ArrayList<>(v); return this; }
    public List<String> getOtherAETitles() { return otherAETitles; }
    public ApplicationEntity setOtherAETitles(List<String> v) { otherAETitles = new ArrayList<>(v); return this; }
    public List<String> getPreferredTransferSyntaxes() { return preferredTransferSyntaxes; }
    public ApplicationEntity setPreferredTransferSyntaxes(List<String> v) { preferredTransferSyntaxes = new ArrayList<>(v); return this; }
    public List<String> getObjectStorageIDs() { return objectStorageIDs; }
    public ApplicationEntity setObjectStorageIDs(List<String> v) { objectStorageIDs = new ArrayList<>(v); return this; }
    /** dcmOverwritePolicy of this AE; null means the device's applies. */
    public Enums.OverwritePolicy getOverwritePolicy() { return overwritePolicy; }
    public ApplicationEntity setOverwritePolicy(Enums.OverwritePolicy v) { overwritePolicy = v; return this; }
    public List<TransferCapability> getTransferCapabilities() { return transferCapabilities; }
    public List<ExportRule> getExportRules() { return exportRules; }
}
