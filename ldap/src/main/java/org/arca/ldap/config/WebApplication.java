package org.arca.ldap.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A web application (dcmWebApp): DICOMweb services offered here, or the target of stow: exports. */
public final class WebApplication {
    private String name;
    private String description;
    private String servicePath;
    private List<Enums.WebServiceClass> serviceClasses = new ArrayList<>();
    private String aeTitle;
    private List<String> connectionNames = new ArrayList<>();
    private Boolean installed;
    private String keycloakClientID;
    private Map<String, String> properties = new LinkedHashMap<>();

    public WebApplication() {}

    public WebApplication(String name, String servicePath, List<Enums.WebServiceClass> serviceClasses) {
        this.name = name;
        this.servicePath = servicePath;
        this.serviceClasses = new ArrayList<>(serviceClasses);
    }

    public String getName() { return name; }
    public WebApplication setName(String v) { name = v; return this; }
    public String getDescription() { return description; }
    public WebApplication setDescription(String v) { description = v; return this; }
    public String getServicePath() { return servicePath; }
    public WebApplication setServicePath(String v) { servicePath = v; return this; }
    public List<Enums.WebServiceClass> getServiceClasses() { return serviceClasses; }
    public WebApplication setServiceClasses(List<Enums.WebServiceClass> v) { serviceClasses = new ArrayList<>(v); return this; }
    public String getAeTitle() { return aeTitle; }
    public WebApplication setAeTitle(String v) { aeTitle = v; return this; }
    public List<String> getConnectionNames() { return connectionNames; }
    public WebApplication setConnectionNames(List<String> v) { connectionNames = new ArrayList<>(v); return this; }
    public Boolean getInstalled() { return installed; }
    public WebApplication setInstalled(Boolean v) { installed = v; return this; }
    public String getKeycloakClientID() { return keycloakClientID; }
    public WebApplication setKeycloakClientID(String v) { keycloakClientID = v; return this; }
    /** dcmProperty name=value pairs, e.g. concurrency=4 for the STOW-RS client. */
    public Map<String, String> getProperties() { return properties; }
}
