package org.arca.ldap.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An exporter (dcmExporter): where to (URI by scheme), by which local AE, through which queue, when. */
public final class ExporterDescriptor {
    private String id;
    private URI uri;
    private String queueName;
    private String aeTitle;
    private String description;
    private List<Schedule> schedules = new ArrayList<>();
    private Map<String, String> properties = new LinkedHashMap<>();
    private Enums.Availability instanceAvailability;

    public ExporterDescriptor() {}

    public ExporterDescriptor(String id, URI uri, String queueName) {
        this.id = id;
        this.uri = uri;
        this.queueName = queueName;
    }

    /** dicom, stow, storage, ... */
    public String getScheme() { return uri.getScheme(); }
    /** The AE title, web application or storage ID after the scheme. */
    public String getTarget() { return uri.getSchemeSpecificPart(); }

    public String getId() { return id; }
    public ExporterDescriptor setId(String v) { id = v; return this; }
    public URI getUri() { return uri; }
    public ExporterDescriptor setUri(URI v) { uri = v; return this; }
    public String getQueueName() { return queueName; }
    public ExporterDescriptor setQueueName(String v) { queueName = v; return this; }
    public String getAeTitle() { return aeTitle; }
    public ExporterDescriptor setAeTitle(String v) { aeTitle = v; return this; }
    public String getDescription() { return description; }
    public ExporterDescriptor setDescription(String v) { description = v; return this; }
    public List<Schedule> getSchedules() { return schedules; }
    public ExporterDescriptor setSchedules(List<Schedule> v) { schedules = new ArrayList<>(v); return this; }
    public Map<String, String> getProperties() { return properties; }
    public Enums.Availability getInstanceAvailability() { return instanceAvailability; }
    public ExporterDescriptor setInstanceAvailability(Enums.Availability v) { instanceAvailability = v; return this; }
}
