package org.arca.ldap.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An exporter (dcmExporter): where to (URI by scheme), by which local AE, through which queue, when. */
public final class ExporterDescriptor {
    private String id;
    private String uri;
    private String queueName;
    private String aeTitle;
    private String description;
    private List<Schedule> schedules = new ArrayList<>();
    private Map<String, String> properties = new LinkedHashMap<>();
    private Enums.Availability instanceAvailability;

    public ExporterDescriptor() {}

    public ExporterDescriptor(String id, String uri, String queueName) {
        this.id = id;
        this.uri = uri;
        this.queueName = queueName;
    }

    /** dicom, stow, storage, ...: the part before the first ':'. */
    public String getScheme() { return UriScheme.of(uri); }
    /** The AE title, web application or storage ID after the scheme (AE titles may hold spaces). */
    public String getTarget() { return uri.substring(uri.indexOf(':') + 1); }

    public String getId() { return id; }
    public ExporterDescriptor setId(String v) { id = v; return this; }
    public String getUri() { return uri; }
    public ExporterDescriptor setUri(String v) { uri = v; return this; }
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
