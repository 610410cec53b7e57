package org.arca.ejb.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.naming.directory.BasicAttributes;
import org.arca.ldap.config.LoadResult;
import org.arca.ldap.config.StorageDescriptor;
import org.arca.ldap.config.ldap.DeviceReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LDIF an administrator copies from dcm4chee-arc's S3 page works as written, only the
 * bucket, the keys and the endpoint replaced by the test S3's. It asks for virtual-host
 * buckets, so the bucket's host name must resolve: this class runs in its own JVM whose
 * resolver reads {@code target/vhost-hosts} (-Djdk.net.hosts.file, see ejb/pom.xml).
 * The api becomes {@code s3}: {@code aws-s3} looks every bucket's region up at
 * s3.amazonaws.com, whatever the endpoint (design.md section 5: S3-compatible stores use {@code s3}).
 */
@Tag("vhost")
class SeedDescriptorTest {
    static final String HOST = "s3.arca.test";
    static final String BUCKET = "seed-bucket";

    @Test
    void seed000DescriptorStoresAndReadsThroughVirtualHostBuckets(@TempDir Path dir) throws Exception {
        Path hosts = Path.of(System.getProperty("jdk.net.hosts.file", ""));
        assertTrue(hosts.isAbsolute(), "must run with -Djdk.net.hosts.file (surefire execution virtual-host)");
        Files.writeString(hosts, "127.0.0.1 localhost\n127.0.0.1 " + HOST + "\n127.0.0.1 " + BUCKET + "." + HOST + "\n");
        try (S3Proxy s3 = S3Proxy.start(dir, HOST); Storages storages = new Storages()) {
            String endpoint = "http://" + HOST + ":" + s3.port();
            String ldif = new String(getClass().getResourceAsStream("/seeds/000-amazon-s3.ldif").readAllBytes(),
                    StandardCharsets.UTF_8)
                    .replace("jclouds:aws-s3:https://<bucket-name>", "jclouds:s3:" + endpoint)
                    .replace("<bucket-name>", BUCKET)
                    .replace("<secret-key>", S3Proxy.CREDENTIAL)
                    .replace("<access-key>", S3Proxy.IDENTITY);
            StorageDescriptor d = loadStorage(ldif);
            assertEquals(Map.of("container", BUCKET, "jclouds.s3.virtual-host-buckets", "true",
                    "credential", S3Proxy.CREDENTIAL, "identity", S3Proxy.IDENTITY,
                    "jclouds.strip-expect-header", "true", "containerExists", "true",
                    "jclouds.relax-hostname", "true"), d.getProperties());
            // containerExists=true: the administrator created the bucket, as the page says
            Files.createDirectories(dir.resolve("buckets").resolve(BUCKET));

            Storage s = storages.storage(d);
            byte[] data = "seed 000".getBytes(StandardCharsets.US_ASCII);
            s.store("1.2.3/1.2.3.4/1.2.3.4.5.dcm", new ByteArrayInputStream(data));
            try (InputStream in = s.open("1.2.3/1.2.3.4/1.2.3.4.5.dcm")) {
                assertArrayEquals(data, in.readAllBytes());
            }
            try (Stream<String> keys = s.objects("")) {
                assertEquals(List.of("1.2.3/1.2.3.4/1.2.3.4.5.dcm"), keys.toList());
            }
            assertTrue(Files.isRegularFile(dir.resolve("buckets").resolve(BUCKET).resolve("1.2.3/1.2.3.4/1.2.3.4.5.dcm")),
                    "object in the bucket named by container");
        }
    }

    /** The storage of a device built by our LDAP mapping from the LDIF's entry. */
    static StorageDescriptor loadStorage(String ldif) {
        String deviceDn = "dicomDeviceName=dcm4chee-arc,cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org";
        BasicAttributes device = new BasicAttributes(true);
        device.put("objectClass", "dicomDevice");
        device.put("dicomDeviceName", "dcm4chee-arc");
        List<DeviceReader.Entry> entries = new ArrayList<>(List.of(new DeviceReader.Entry(deviceDn, device)));
        String dn = null;
        BasicAttributes attrs = null;
        for (String line : ldif.split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("version:")) {
                continue;
            }
            int colon = line.indexOf(": ");
            String name = line.substring(0, colon);
            String value = line.substring(colon + 2).trim();
            if (name.equals("dn")) {
                dn = value;
                attrs = new BasicAttributes(true);
                entries.add(new DeviceReader.Entry(dn, attrs));
            } else if (attrs.get(name) == null) {
                attrs.put(name, value);
            } else {
                attrs.get(name).add(value);
            }
        }
        LoadResult r = DeviceReader.read(deviceDn, entries);
        assertTrue(r.ok(), r.errors().toString());
        return r.device().getStorage("amazon-s3");
    }
}
