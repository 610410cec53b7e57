package org.arca.ldap.config.ldap;

import java.util.ArrayList;
import java.util.List;

import org.arca.ldap.config.Connection;
import org.arca.ldap.config.Enums.Protocol;

/** Connection <-> dicomNetworkConnection + dcmNetworkConnection. */
final class ConnectionMapping {
    private ConnectionMapping() {}

    static Connection read(EntryReader r) {
        Connection c = new Connection(r.required("cn"), r.required("dicomHostname"), r.integer("dicomPort"));
        c.setInstalled(r.bool("dicomInstalled"));
        c.setProtocol(r.enumValue("dcmProtocol", Protocol.class, Protocol.DICOM));
        c.setBindAddress(r.string("dcmBindAddress"));
        // PS3.15 spells it dicomTLSCyphersuite, dcm4che dicomTLSCipherSuite; a server may return either
        List<String> suites = new ArrayList<>(r.strings("dicomTLSCipherSuite"));
        if (suites.isEmpty()) suites.addAll(r.strings("dicomTLSCyphersuite"));
        c.setTlsCipherSuites(suites);
        c.setTlsProtocols(r.strings("dcmTLSProtocol"));
        c.setTcpNoDelay(r.bool("dcmTCPNoDelay"));
        c.setConnectTimeout(r.integer("dcmTCPConnectTimeout"));
        c.setResponseTimeout(r.integer("dcmResponseTimeout"));
        c.setIdleTimeout(r.integer("dcmIdleTimeout"));
        return c;
    }

    static EntryImage image(Connection c) {
        boolean dcm = c.getProtocol() != Protocol.DICOM || c.getBindAddress() != null
                || !c.getTlsProtocols().isEmpty() || c.getTcpNoDelay() != null || c.getConnectTimeout() != null
                || c.getResponseTimeout() != null || c.getIdleTimeout() != null;
        EntryImage e = dcm
                ? new EntryImage("dicomNetworkConnection", "cn", c.getName(), "dicomNetworkConnection", "dcmNetworkConnection")
                : new EntryImage("dicomNetworkConnection", "cn", c.getName(), "dicomNetworkConnection");
        return e.put("dicomHostname", c.getHostname())
                .put("dicomPort", c.getPort())
                .put("dicomInstalled", c.getInstalled())
                .put("dcmProtocol", c.getProtocol() == Protocol.DICOM ? null : c.getProtocol().name())
                .put("dcmBindAddress", c.getBindAddress())
                .putAll("dicomTLSCipherSuite", c.getTlsCipherSuites())
                .putAll("dcmTLSProtocol", c.getTlsProtocols())
                .put("dcmTCPNoDelay", c.getTcpNoDelay())
                .put("dcmTCPConnectTimeout", c.getConnectTimeout())
                .put("dcmResponseTimeout", c.getResponseTimeout())
                .put("dcmIdleTimeout", c.getIdleTimeout());
    }
}
