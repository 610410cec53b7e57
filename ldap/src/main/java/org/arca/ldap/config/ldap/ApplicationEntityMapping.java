package org.arca.ldap.config.ldap;

import java.util.ArrayList;
import java.util.List;

import javax.naming.ldap.LdapName;

import org.arca.ldap.config.ApplicationEntity;
import org.arca.ldap.config.Enums.OverwritePolicy;
import org.arca.ldap.config.Enums.TransferRole;
import org.arca.ldap.config.TransferCapability;

/** ApplicationEntity <-> dicomNetworkAE (+ dcmNetworkAE, dcmArchiveNetworkAE), TransferCapability <-> its children. */
final class ApplicationEntityMapping {
    private ApplicationEntityMapping() {}

    static ApplicationEntity read(EntryReader r, LdapName deviceDn) {
        ApplicationEntity ae = new ApplicationEntity(r.required("dicomAETitle"));
        ae.setDescription(r.string("dicomDescription"));
        ae.setConnectionNames(connectionNames(r, deviceDn));
        ae.setAssociationInitiator(r.bool("dicomAssociationInitiator", false));
        ae.setAssociationAcceptor(r.bool("dicomAssociationAcceptor", false));
        ae.setInstalled(r.bool("dicomInstalled"));
        ae.setAcceptedCallingAETitles(r.strings("dcmAcceptedCallingAETitle"));
        ae.setOtherAETitles(r.strings("dcmOtherAETitle"));
        ae.setPreferredTransferSyntaxes(r.strings("dcmPreferredTransferSyntax"));
        ae.setObjectStorageIDs(r.strings("dcmObjectStorageID"));
        ae.setOverwritePolicy(r.enumValue("dcmOverwritePolicy", OverwritePolicy.class, null));
        return ae;
    }

    /** References outside this device are reported and dropped; existence is checked by DeviceReader. */
    static List<String> connectionNames(EntryReader r, LdapName deviceDn) {
        List<String> names = new ArrayList<>();
        for (String ref : r.strings("dicomNetworkConnectionReference")) {
            String name = Dns.connectionName(ref, deviceDn);
            if (name == null) r.warn("dicomNetworkConnectionReference", "'" + ref + "' is not a connection of this device");
            else names.add(name);
        }
        return names;
    }

    static List<String> connectionRefs(List<String> names, String deviceDn) {
        List<String> refs = new ArrayList<>();
        for (String n : names) refs.add(Dns.child(deviceDn, "cn", n));
        return refs;
    }

    static EntryImage image(ApplicationEntity ae, String deviceDn) {
        boolean dcm = !ae.getAcceptedCallingAETitles().isEmpty() || !ae.getOtherAETitles().isEmpty()
                || !ae.getPreferredTransferSyntaxes().isEmpty();
        boolean arc = !ae.getObjectStorageIDs().isEmpty() || ae.getOverwritePolicy() != null;
        List<String> classes = new ArrayList<>(List.of("dicomNetworkAE"));
        if (dcm) classes.add("dcmNetworkAE");
        if (arc) classes.add("dcmArchiveNetworkAE");
        EntryImage e = new EntryImage("dicomNetworkAE", "dicomAETitle", ae.getAeTitle(), classes.toArray(String[]::new))
                .put("dicomDescription", ae.getDescription())
                .putAll("dicomNetworkConnectionReference", connectionRefs(ae.getConnectionNames(), deviceDn))
                .put("dicomAssociationInitiator", ae.isAssociationInitiator())
                .put("dicomAssociationAcceptor", ae.isAssociationAcceptor())
                .put("dicomInstalled", ae.getInstalled())
                .putAll("dcmAcceptedCallingAETitle", ae.getAcceptedCallingAETitles())
                .putAll("dcmOtherAETitle", ae.getOtherAETitles())
                .putAll("dcmPreferredTransferSyntax", ae.getPreferredTransferSyntaxes())
                .putAll("dcmObjectStorageID", ae.getObjectStorageIDs())
                .put("dcmOverwritePolicy", ae.getOverwritePolicy() == null ? null : ae.getOverwritePolicy().name());
        for (TransferCapability tc : ae.getTransferCapabilities()) e.add(image(tc));
        ae.getExportRules().forEach(rule -> e.add(ExportRuleMapping.image(rule)));
        return e;
    }

    static TransferCapability readTransferCapability(EntryReader r) {
        TransferCapability tc = new TransferCapability();
        tc.setName(r.required("cn"));
        tc.setSopClass(r.required("dicomSOPClass"));
        tc.setRole(r.enumValue("dicomTransferRole", TransferRole.class, null));
        if (tc.getRole() == null && !r.hasErrors()) r.error("dicomTransferRole", "missing");
        tc.setTransferSyntaxes(r.strings("dicomTransferSyntax"));
        if (tc.getTransferSyntaxes().isEmpty()) r.error("dicomTransferSyntax", "missing");
        return tc;
    }

    static EntryImage image(TransferCapability tc) {
        return new EntryImage("dicomTransferCapability", "cn", tc.getName(), "dicomTransferCapability")
                .put("dicomSOPClass", tc.getSopClass())
                .put("dicomTransferRole", tc.getRole() == null ? null : tc.getRole().name())
                .putAll("dicomTransferSyntax", tc.getTransferSyntaxes());
    }
}
