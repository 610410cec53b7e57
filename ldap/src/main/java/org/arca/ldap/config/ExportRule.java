package org.arca.ldap.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An export rule (dcmExportRule), on the device or on an AE. */
public final class ExportRule {
    private String name;
    private Enums.Entity entity = Enums.Entity.Study;
    private List<String> exporterIDs = new ArrayList<>();
    private Map<String, String> conditions = new LinkedHashMap<>();
    private List<Schedule> schedules = new ArrayList<>();
    private Duration exportDelay;
    private String deviceName;
    private Enums.ReoccurredInstances reoccurredInstances = Enums.ReoccurredInstances.REPLACE;

    public ExportRule() {}

    public ExportRule(String name, Enums.Entity entity, List<String> exporterIDs) {
        this.name = name;
        this.entity = entity;
        this.exporterIDs = new ArrayList<>(exporterIDs);
    }

    public String getName() { return name; }
    public ExportRule setName(String v) { name = v; return this; }
    public Enums.Entity getEntity() { return entity; }
    public ExportRule setEntity(Enums.Entity v) { entity = v; return this; }
    public List<String> getExporterIDs() { return exporterIDs; }
    public ExportRule setExporterIDs(List<String> v) { exporterIDs = new ArrayList<>(v); return this; }
    /** dcmProperty conditions, e.g. Modality=CT|MR. */
    public Map<String, String> getConditions() { return conditions; }
    public List<Schedule> getSchedules() { return schedules; }
    public ExportRule setSchedules(List<Schedule> v) { schedules = new ArrayList<>(v); return this; }
    /** dcmDuration: delay after the last matching instance. */
    public Duration getExportDelay() { return exportDelay; }
    public ExportRule setExportDelay(Duration v) { exportDelay = v; return this; }
    public String getDeviceName() { return deviceName; }
    public ExportRule setDeviceName(String v) { deviceName = v; return this; }
    public Enums.ReoccurredInstances getReoccurredInstances() { return reoccurredInstances; }
    public ExportRule setReoccurredInstances(Enums.ReoccurredInstances v) { reoccurredInstances = v; return this; }
}
