package org.arca.ldap.config.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.arca.ldap.config.Device;
import org.arca.ldap.config.ldap.DeviceMapping;
import org.arca.ldap.config.ldap.EntryImage;

/**
 * A device as JSON for {@code GET /dcm4chee-arc/devices/{name}}: member names are the LDAP
 * attribute names administrators know, children are arrays named by their object class
 * (dicomNetworkConnection, dicomNetworkAE, dcmWebApp, dcmStorage, dcmQueue, dcmExporter,
 * dcmExportRule; dicomTransferCapability and dcmExportRule inside an AE). Ports, counts and flags
 * are JSON numbers and booleans. Rendered from the same image as the LDAP entries.
 */
public final class DeviceJson {
    private DeviceJson() {}

    public static String write(Device device, String deviceDn) {
        JsonWriter w = new JsonWriter();
        entry(w, DeviceMapping.image(device, deviceDn));
        return w.toString();
    }

    private static void entry(JsonWriter w, EntryImage e) {
        w.beginObject();
        for (Map.Entry<String, EntryImage.Values> a : e.attributes().entrySet()) {
            w.name(a.getKey());
            List<Object> values = a.getValue().values();
            if (a.getValue().multi()) {
                w.beginArray();
                values.forEach(w::value);
                w.endArray();
            } else {
                w.value(values.get(0) instanceof Boolean || values.get(0) instanceof Integer
                        ? values.get(0) : values.get(0).toString());
            }
        }
        Map<String, List<EntryImage>> groups = new LinkedHashMap<>();
        for (EntryImage c : e.children()) groups.computeIfAbsent(c.kind(), k -> new java.util.ArrayList<>()).add(c);
        for (Map.Entry<String, List<EntryImage>> g : groups.entrySet()) {
            w.name(g.getKey());
            w.beginArray();
            for (EntryImage c : g.getValue()) entry(w, c);
            w.endArray();
        }
        w.endObject();
    }
}
