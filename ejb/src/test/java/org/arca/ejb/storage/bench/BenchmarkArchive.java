package org.arca.ejb.storage.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.arca.dicom.net.ConnectionOptions;
import org.arca.dicom.net.DicomServer;
import org.arca.ejb.dimse.ArchiveServices;
import org.arca.ejb.store.OverwritePolicy;
import org.arca.ejb.support.Databases;
import org.arca.ldap.config.ApplicationEntity;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.StorageDescriptor;

/**
 * The archive's store path stand-alone for ejb/bench/s3-bench.sh (the archive does not yet run
 * outside WildFly): a fresh H2 index in {@code workdir}, one AE {@code ARCA} whose objects go
 * to the storage URI given, our DicomServer on a free loopback port, printed as {@code PORT=n}.
 * Runs until its standard input closes.
 * Usage: BenchmarkArchive workdir storage-uri [property=value ...]
 */
public final class BenchmarkArchive {

    private BenchmarkArchive() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args[0]));
        DataSource ds = Databases.create(Databases.Kind.H2, work);
        StorageDescriptor storage = new StorageDescriptor("bench", args[1]).setDigestAlgorithm("MD5");
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            storage.getProperties().put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        Device device = new Device("arca-bench");
        device.addStorage(storage);
        ApplicationEntity ae = new ApplicationEntity("ARCA");
        ae.getObjectStorageIDs().add("bench");
        device.addApplicationEntity(ae);
        try (ArchiveServices services = new ArchiveServices(ds, device, OverwritePolicy.NEVER, aet -> null);
             DicomServer server = new DicomServer(new ConnectionOptions())
                     .addApplicationEntity(services.applicationEntity(device, ae)).start(0)) {
            System.out.println("PORT=" + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the script closes our standard input
            }
            try (var c = ds.getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT COUNT(*), SUM(object_size) FROM location")) {
                rs.next();
                System.out.println("STORED=" + rs.getLong(1) + " BYTES=" + rs.getLong(2));
            }
        }
    }
}
