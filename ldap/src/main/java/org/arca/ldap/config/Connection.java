package org.arca.ldap.config;

import java.util.ArrayList;
import java.util.List;

/** A network connection (dicomNetworkConnection + dcmNetworkConnection), named by its cn. */
public final class Connection {
    private String name;
    private String hostname;
    private Integer port;          // null: no listener, outgoing only
    private Boolean installed;     // null: as the device
    private Enums.Protocol protocol = Enums.Protocol.DICOM;
    private String bindAddress;
    private List<String> tlsCipherSuites = new ArrayList<>();
    private List<String> tlsProtocols = new ArrayList<>();
    private Boolean tcpNoDelay;
    private Integer connectTimeout, responseTimeout, idleTimeout; // ms

    public Connection() {}

    public Connection(String name, String hostname, Integer port) {
        this.name = name;
        this.hostname = hostname;
        this.port = port;
    }

    public boolean isTls() { return !tlsCipherSuites.isEmpty(); }

    public String getName() { return name; }
    public Connection setName(String v) { name = v; return this; }
    public String getHostname() { return hostname; }
    public Connection setHostname(String v) { hostname = v; return this; }
    public Integer getPort() { return port; }
    public Connection setPort(Integer v) { port = v; return this; }
    public Boolean getInstalled() { return installed; }
    public Connection setInstalled(Boolean v) { installed = v; return this; }
    public Enums.Protocol getProtocol() { return protocol; }
    public Connection setProtocol(Enums.Protocol v) { protocol = v; return this; }
    public String getBindAddress() { return bindAddress; }
    public Connection setBindAddress(String v) { bindAddress = v; return this; }
    public List<String> getTlsCipherSuites() { return tlsCipherSuites; }
    public Connection setTlsCipherSuites(List<String> v) { tlsCipherSuites = new ArrayList<>(v); return this; }
    public List<String> getTlsProtocols() { return tlsProtocols; }
    public Connection setTlsProtocols(List<String> v) { tlsProtocols = new ArrayList<>(v); return this; }
    public Boolean getTcpNoDelay() { return tcpNoDelay; }
    public Connection setTcpNoDelay(Boolean v) { tcpNoDelay = v; return this; }
    public Integer getConnectTimeout() { return connectTimeout; }
    public Connection setConnectTimeout(Integer v) { connectTimeout = v; return this; }
    public Integer getResponseTimeout() { return responseTimeout; }
    public Connection setResponseTimeout(Integer v) { responseTimeout = v; return this; }
    public Integer getIdleTimeout() { return idleTimeout; }
    public Connection setIdleTimeout(Integer v) { idleTimeout = v; return this; }
}
