package org.arca.ldap.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.arca.ldap.config.ApplicationEntity;
import org.arca.ldap.config.Connection;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.Enums.TransferRole;
import org.arca.ldap.config.ExporterDescriptor;
import org.arca.ldap.config.LoadResult;
import org.arca.ldap.config.QueueDescriptor;
import org.arca.ldap.config.TransferCapability;
import org.arca.ldap.config.ldap.LdapConfiguration;
import org.arca.ldap.embedded.EmbeddedDirectory;

/**
 * Not a unit test: loads a device with 1,000 AEs (each with a transfer capability) and 100
 * exporters from the embedded LDAP and prints the times. Goal: load under 2 s. Run with
 * mvn -q -pl ldap -am test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.arca.ldap.bench.ConfigLoadBenchmark
 */
public final class ConfigLoadBenchmark {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("arca-ldap-bench");
        long t0 = System.nanoTime();
        try (EmbeddedDirectory ds = EmbeddedDirectory.start(dir.resolve("ldap"), "127.0.0.1", 0 == args.length ? 10390 : Integer.parseInt(args[0]), "secret");
             LdapConfiguration conf = LdapConfiguration.connect(ds.url(), EmbeddedDirectory.MANAGER_DN, "secret")) {
            System.out.printf("embedded LDAP start (first, with default config): %d ms%n", ms(t0));
            Device d = new Device("bench").setArchiveDevice(true);
            d.addConnection(new Connection("dicom", "127.0.0.1", 11112));
            d.addQueue(new QueueDescriptor("Export1").setMaxRetries(10));
            for (int i = 0; i < 1000; i++) {
                ApplicationEntity ae = new ApplicationEntity(String.format("BENCH%04d", i)).setConnectionNames(List.of("dicom"));
                ae.getTransferCapabilities().add(new TransferCapability("Storage SCP", "*", TransferRole.SCP, List.of("*")));
                d.addApplicationEntity(ae);
            }
            for (int i = 0; i < 100; i++)
                d.addExporter(new ExporterDescriptor("EXP" + i, "dicom:BENCH" + String.format("%04d", i), "Export1"));
            long t1 = System.nanoTime();
            conf.store(null, d);
            System.out.printf("write 2,103 entries (+1,000 registry entries): %d ms%n", ms(t1));
            for (int run = 1; run <= 3; run++) {
                long t2 = System.nanoTime();
                LoadResult r = conf.loadDevice("bench");
                System.out.printf("load run %d: %d AEs, %d exporters, %d errors in %d ms%n", run,
                        r.device().getApplicationEntities().size(), r.device().getExporters().size(), r.errors().size(), ms(t2));
            }
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
