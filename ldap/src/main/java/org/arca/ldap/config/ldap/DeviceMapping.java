package org.arca.ldap.config.ldap;

import org.arca.ldap.config.Device;
import org.arca.ldap.config.Enums.OverwritePolicy;

/** Device <-> dicomDevice (+ dcmDevice, dcmArchiveDevice), and the image of the whole device tree. */
public final class DeviceMapping {
    private DeviceMapping() {}

    static Device read(EntryReader r) {
        Device d = new Device(r.required("dicomDeviceName"));
        d.setDescription(r.string("dicomDescription"));
        d.setInstalled(r.bool("dicomInstalled", true));
        d.setManufacturer(r.string("dicomManufacturer"));
        d.setManufacturerModelName(r.string("dicomManufacturerModelName"));
        d.setSoftwareVersions(r.strings("dicomSoftwareVersion"));
        d.setPrimaryDeviceTypes(r.strings("dicomPrimaryDeviceType"));
        d.setStationName(r.string("dicomStationName"));
        d.setInstitutionNames(r.strings("dicomInstitutionName"));
        d.setArchiveDevice(r.hasObjectClass("dcmArchiveDevice"));
        d.setTaskPollingInterval(r.duration("dcmTaskPollingInterval"));
        d.setTaskFetchSize(r.integer("dcmTaskFetchSize"));
        d.setPurgeQueueMessagePollingInterval(r.duration("dcmPurgeQueueMessagePollingInterval"));
        d.setOverwritePolicy(r.enumValue("dcmOverwritePolicy", OverwritePolicy.class, null));
        d.setStudyReceivedDelay(r.duration("dcmStudyReceivedDelay"));
        return d;
    }

    /** The device entry with all children, as written to LDAP below {@code devicesDn}. */
    public static EntryImage image(Device d, String deviceDn) {
        EntryImage e = d.isArchiveDevice()
                ? new EntryImage("dicomDevice", "dicomDeviceName", d.getName(), "dicomDevice", "dcmDevice", "dcmArchiveDevice")
                : new EntryImage("dicomDevice", "dicomDeviceName", d.getName(), "dicomDevice");
        e.put("dicomDescription", d.getDescription())
                .put("dicomInstalled", d.isInstalled())
                .put("dicomManufacturer", d.getManufacturer())
                .put("dicomManufacturerModelName", d.getManufacturerModelName())
                .putAll("dicomSoftwareVersion", d.getSoftwareVersions())
                .putAll("dicomPrimaryDeviceType", d.getPrimaryDeviceTypes())
                .put("dicomStationName", d.getStationName())
                .putAll("dicomInstitutionName", d.getInstitutionNames());
        if (d.isArchiveDevice())
            e.put("dcmTaskPollingInterval", d.getTaskPollingInterval())
                    .put("dcmTaskFetchSize", d.getTaskFetchSize())
                    .put("dcmPurgeQueueMessagePollingInterval", d.getPurgeQueueMessagePollingInterval())
                    .put("dcmOverwritePolicy", d.getOverwritePolicy() == null ? null : d.getOverwritePolicy().name())
                    .put("dcmStudyReceivedDelay", d.getStudyReceivedDelay());
        d.getConnections().forEach(c -> e.add(ConnectionMapping.image(c)));
        d.getApplicationEntities().forEach(ae -> e.add(ApplicationEntityMapping.image(ae, deviceDn)));
        d.getWebApplications().forEach(w -> e.add(WebApplicationMapping.image(w, deviceDn)));
        d.getStorages().forEach(s -> e.add(StorageMapping.image(s)));
        d.getQueues().forEach(q -> e.add(QueueMapping.image(q)));
        d.getExporters().forEach(x -> e.add(ExporterMapping.image(x)));
        d.getExportRules().forEach(r -> e.add(ExportRuleMapping.image(r)));
        return e;
    }
}
