package org.arca.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.arca.it.ConfigEntries;
import org.arca.it.storage.S3Server;

/**
 * For one test class: an S3Proxy on loopback with one bucket, a storage descriptor on it and an
 * AE storing into that storage, added to the archive's LDAP and reloaded; {@link #close()}
 * removes both entries again (the embedded LDAP outlives the class) and stops S3Proxy.
 */
final class S3Ae implements AutoCloseable {
    private final S3Server s3;
    private final String storageId;
    private final String aet;
    private final String bucket;

    private S3Ae(S3Server s3, String storageId, String aet, String bucket) {
        this.s3 = s3;
        this.storageId = storageId;
        this.aet = aet;
        this.bucket = bucket;
    }

    /** S3Proxy's data under target/{storageId}/{database}, emptied first: an earlier run's objects would count. */
    static S3Ae add(String storageId, String aet, String bucket) throws Exception {
        Path dir = Path.of("target", storageId, System.getProperty("arca.test.db", "h2")).toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        S3Server s3 = S3Server.start(dir);
        s3.bucket(bucket);
        ConfigEntries.add("dcmStorageID=" + storageId + "," + ConfigEntries.ARCHIVE, "objectClass: dcmStorage",
                "dcmStorageID: " + storageId, "dcmURI: jclouds:s3:" + s3.endpoint(), "dcmProperty: container=" + bucket,
                "dcmProperty: identity=" + S3Server.IDENTITY, "dcmProperty: credential=" + S3Server.CREDENTIAL,
                "dcmProperty: containerExists=true");
        ConfigEntries.add("dicomAETitle=" + aet + "," + ConfigEntries.ARCHIVE, "objectClass: dicomNetworkAE",
                "objectClass: dcmNetworkAE", "objectClass: dcmArchiveNetworkAE", "dicomAETitle: " + aet,
                "dicomNetworkConnectionReference: cn=dicom," + ConfigEntries.ARCHIVE, "dicomAssociationInitiator: TRUE",
                "dicomAssociationAcceptor: TRUE", "dicomInstalled: TRUE", "dcmObjectStorageID: " + storageId);
        assertEquals(200, WebClient.reload().statusCode());
        return new S3Ae(s3, storageId, aet, bucket);
    }

    /** Where S3Proxy keeps the bucket's objects as files. */
    Path bucketDir() {
        return s3.buckets().resolve(bucket);
    }

    @Override
    public void close() throws Exception {
        ConfigEntries.remove("dicomAETitle=" + aet + "," + ConfigEntries.ARCHIVE);
        ConfigEntries.remove("dcmStorageID=" + storageId + "," + ConfigEntries.ARCHIVE);
        WebClient.reload();
        s3.close();
    }
}
