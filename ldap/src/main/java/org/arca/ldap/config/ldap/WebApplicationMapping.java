package org.arca.ldap.config.ldap;

import java.util.List;

import javax.naming.ldap.LdapName;

import org.arca.ldap.config.Enums.WebServiceClass;
import org.arca.ldap.config.WebApplication;

/** WebApplication <-> dcmWebApp. */
final class WebApplicationMapping {
    private WebApplicationMapping() {}

    static WebApplication read(EntryReader r, LdapName deviceDn) {
        WebApplication w = new WebApplication(r.required("dcmWebAppName"), r.required("dcmWebServicePath"),
                r.enumValues("dcmWebServiceClass", WebServiceClass.class));
        w.setDescription(r.string("dicomDescription"));
        w.setAeTitle(r.string("dicomAETitle"));
        w.setConnectionNames(ApplicationEntityMapping.connectionNames(r, deviceDn));
        w.setInstalled(r.bool("dicomInstalled"));
        w.setKeycloakClientID(r.string("dcmKeycloakClientID"));
        w.getProperties().putAll(r.properties("dcmProperty"));
        return w;
    }

    static EntryImage image(WebApplication w, String deviceDn) {
        List<String> classes = w.getServiceClasses().stream().map(Enum::name).toList();
        return new EntryImage("dcmWebApp", "dcmWebAppName", w.getName(), "dcmWebApp")
                .put("dicomDescription", w.getDescription())
                .put("dcmWebServicePath", w.getServicePath())
                .putAll("dcmWebServiceClass", classes)
                .put("dicomAETitle", w.getAeTitle())
                .putAll("dicomNetworkConnectionReference",
                        ApplicationEntityMapping.connectionRefs(w.getConnectionNames(), deviceDn))
                .put("dicomInstalled", w.getInstalled())
                .put("dcmKeycloakClientID", w.getKeycloakClientID())
                .putProperties("dcmProperty", w.getProperties());
    }
}
