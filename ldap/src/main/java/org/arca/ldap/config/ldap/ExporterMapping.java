package org.arca.ldap.config.ldap;

import java.util.Set;

import org.arca.ldap.config.Enums.Availability;
import org.arca.ldap.config.ExporterDescriptor;
import org.arca.ldap.config.UriScheme;

/** ExporterDescriptor <-> dcmExporter. */
final class ExporterMapping {
    /** Exporter URI schemes Arca runs (design.md section 4: dicom:AET, stow:/stowrs:WebApp, storage:ID). */
    static final Set<String> SCHEMES = Set.of("dicom", "stow", "stowrs", "storage");

    private ExporterMapping() {}

    static ExporterDescriptor read(EntryReader r) {
        ExporterDescriptor e = new ExporterDescriptor();
        e.setId(r.required("dcmExporterID"));
        String uri = r.required("dcmURI");
        if (uri != null) {
            if (SCHEMES.contains(UriScheme.of(uri))) e.setUri(uri);
            else r.error("dcmURI", "unknown exporter URI scheme in '" + uri + "', expected one of " + SCHEMES);
        }
        e.setQueueName(r.required("dcmQueueName"));
        e.setAeTitle(r.string("dicomAETitle"));
        e.setDescription(r.string("dicomDescription"));
        e.setSchedules(r.schedules("dcmSchedule"));
        e.getProperties().putAll(r.properties("dcmProperty"));
        e.setInstanceAvailability(r.enumValue("dcmInstanceAvailability", Availability.class, null));
        return e;
    }

    static EntryImage image(ExporterDescriptor e) {
        return new EntryImage("dcmExporter", "dcmExporterID", e.getId(), "dcmExporter")
                .put("dcmURI", e.getUri())
                .put("dcmQueueName", e.getQueueName())
                .put("dicomAETitle", e.getAeTitle())
                .put("dicomDescription", e.getDescription())
                .putAll("dcmSchedule", e.getSchedules().stream().map(Object::toString).toList())
                .putProperties("dcmProperty", e.getProperties())
                .put("dcmInstanceAvailability",
                        e.getInstanceAvailability() == null ? null : e.getInstanceAvailability().name());
    }
}
