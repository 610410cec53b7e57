package org.arca.ldap.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A device (dicomDevice + dcmDevice + dcmArchiveDevice) with everything configured below it.
 * Children are kept in insertion order and looked up by their LDAP RDN value.
 */
public final class Device {
    private String name;
    private String description;
    private boolean installed = true;
    private String manufacturer;
    private String manufacturerModelName;
    private List<String> softwareVersions = new ArrayList<>();
    private List<String> primaryDeviceTypes = new ArrayList<>();
    private String stationName;
    private List<String> institutionNames = new ArrayList<>();
    private boolean archiveDevice;
    private Duration taskPollingInterval;
    private Integer taskFetchSize;
    private Duration purgeQueueMessagePollingInterval;
    private Enums.OverwritePolicy overwritePolicy; // null: not set (NEVER)
    private Duration studyReceivedDelay;

    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private final Map<String, ApplicationEntity> applicationEntities = new LinkedHashMap<>();
    private final Map<String, WebApplication> webApplications = new LinkedHashMap<>();
    private final Map<String, StorageDescriptor> storages = new LinkedHashMap<>();
    private final Map<String, ExporterDescriptor> exporters = new LinkedHashMap<>();
    private final Map<String, QueueDescriptor> queues = new LinkedHashMap<>();
    private final List<ExportRule> exportRules = new ArrayList<>();

    public Device() {}

    public Device(String name) { this.name = name; }

    public String getName() { return name; }
    public Device setName(String v) { name = v; return this; }
    public String getDescription() { return description; }
    public Device setDescription(String v) { description = v; return this; }
    public boolean isInstalled() { return installed; }
    public Device setInstalled(boolean v) { installed = v; return this; }
    public String getManufacturer() { return manufacturer; }
    public Device setManufacturer(String v) { manufacturer = v; return this; }
    public String getManufacturerModelName() { return manufacturerModelName; }
    public Device setManufacturerModelName(String v) { manufacturerModelName = v; return this; }
    public List<String> getSoftwareVersions() { return softwareVersions; }
    public Device setSoftwareVersions(List<String> v) { softwareVersions = new ArrayList<>(v); return this; }
    public List<String> getPrimaryDeviceTypes() { return primaryDeviceTypes; }
    public Device setPrimaryDeviceTypes(List<String> v) { primaryDeviceTypes = new ArrayList<>(v); return this; }
    public String getStationName() { return stationName; }
    public Device setStationName(String v) { stationName = v; return this; }
    public List<String> getInstitutionNames() { return institutionNames; }
    public Device setInstitutionNames(List<String> v) { institutionNames = new ArrayList<>(v); return this; }
    /** True if the entry carries dcmArchiveDevice (this is an Arca archive, not a peer). */
    public boolean isArchiveDevice() { return archiveDevice; }
    public Device setArchiveDevice(boolean v) { archiveDevice = v; return this; }
    /** dcmTaskPollingInterval; null means no task is ever processed. */
    public Duration getTaskPollingInterval() { return taskPollingInterval; }
    public Device setTaskPollingInterval(Duration v) { taskPollingInterval = v; return this; }
    public Integer getTaskFetchSize() { return taskFetchSize; }
    public Device setTaskFetchSize(Integer v) { taskFetchSize = v; return this; }
    public Duration getPurgeQueueMessagePollingInterval() { return purgeQueueMessagePollingInterval; }
    public Device setPurgeQueueMessagePollingInterval(Duration v) { purgeQueueMessagePollingInterval = v; return this; }
    /** dcmStudyReceivedDelay: idle time after which a study counts as received; null: no such events. */
    public Duration getStudyReceivedDelay() { return studyReceivedDelay; }
    public Device setStudyReceivedDelay(Duration v) { studyReceivedDelay = v; return this; }

    /** dcmOverwritePolicy of the archive device; null when not set, which means NEVER. */
    public Enums.OverwritePolicy getOverwritePolicy() { return overwritePolicy; }
    public Device setOverwritePolicy(Enums.OverwritePolicy v) { overwritePolicy = v; return this; }

    /** The policy for stores to {@code aet}: the AE's own, else the device's, else NEVER. */
    public Enums.OverwritePolicy overwritePolicy(String aet) {
        ApplicationEntity ae = aet == null ? null : getApplicationEntity(aet);
        if (ae != null && ae.getOverwritePolicy() != null) return ae.getOverwritePolicy();
        return overwritePolicy != null ? overwritePolicy : Enums.OverwritePolicy.NEVER;
    }

    public Collection<Connection> getConnections() { return connections.values(); }
    public Connection getConnection(String name) { return connections.get(name); }
    public void addConnection(Connection c) { connections.put(c.getName(), c); }
    public Connection removeConnection(String name) { return connections.remove(name); }

    public Collection<ApplicationEntity> getApplicationEntities() { return applicationEntities.values(); }
    public ApplicationEntity getApplicationEntity(String aet) { return applicationEntities.get(aet); }
    public void addApplicationEntity(ApplicationEntity ae) { applicationEntities.put(ae.getAeTitle(), ae); }
    public ApplicationEntity removeApplicationEntity(String aet) { return applicationEntities.remove(aet); }

    public Collection<WebApplication> getWebApplications() { return webApplications.values(); }
    public WebApplication getWebApplication(String name) { return webApplications.get(name); }
    public void addWebApplication(WebApplication w) { webApplications.put(w.getName(), w); }
    public WebApplication removeWebApplication(String name) { return webApplications.remove(name); }

    public Collection<StorageDescriptor> getStorages() { return storages.values(); }
    public StorageDescriptor getStorage(String id) { return storages.get(id); }
    public void addStorage(StorageDescriptor s) { storages.put(s.getId(), s); }
    public StorageDescriptor removeStorage(String id) { return storages.remove(id); }

    public Collection<ExporterDescriptor> getExporters() { return exporters.values(); }
    public ExporterDescriptor getExporter(String id) { return exporters.get(id); }
    public void addExporter(ExporterDescriptor e) { exporters.put(e.getId(), e); }
    public ExporterDescriptor removeExporter(String id) { return exporters.remove(id); }

    public Collection<QueueDescriptor> getQueues() { return queues.values(); }
    public QueueDescriptor getQueue(String name) { return queues.get(name); }
    public void addQueue(QueueDescriptor q) { queues.put(q.getName(), q); }
    public QueueDescriptor removeQueue(String name) { return queues.remove(name); }

    /** Device-level export rules; AE-level ones are on {@link ApplicationEntity#getExportRules()}. */
    public List<ExportRule> getExportRules() { return exportRules; }
}
