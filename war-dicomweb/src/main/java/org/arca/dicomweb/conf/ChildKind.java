package org.arca.dicomweb.conf;

/**
 * The kinds of entries directly below a device that the configuration REST edits, named by
 * their object class as in the device JSON (GET /devices/{name}), with the attribute that
 * names them in the DN.
 */
enum ChildKind {
    CONNECTION("dicomNetworkConnection", "cn"),
    AE("dicomNetworkAE", "dicomAETitle"),
    WEB_APP("dcmWebApp", "dcmWebAppName"),
    STORAGE("dcmStorage", "dcmStorageID"),
    QUEUE("dcmQueue", "dcmQueueName"),
    EXPORTER("dcmExporter", "dcmExporterID"),
    EXPORT_RULE("dcmExportRule", "cn"),
    /** only inside an AE */
    TRANSFER_CAPABILITY("dicomTransferCapability", "cn");

    final String objectClass;
    final String rdnType;

    ChildKind(String objectClass, String rdnType) {
        this.objectClass = objectClass;
        this.rdnType = rdnType;
    }

    static ChildKind of(String objectClass) {
        for (ChildKind k : values()) {
            if (k.objectClass.equals(objectClass)) {
                return k;
            }
        }
        return null;
    }
}
