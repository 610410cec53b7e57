package org.arca.ldap.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;

import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.Control;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.PagedResultsControl;
import javax.naming.ldap.PagedResultsResponseControl;

import org.arca.ldap.config.ApplicationEntity;
import org.arca.ldap.config.Connection;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.Enums.TransferRole;
import org.arca.ldap.config.ExporterDescriptor;
import org.arca.ldap.config.LoadResult;
import org.arca.ldap.config.QueueDescriptor;
import org.arca.ldap.config.TransferCapability;
import org.arca.ldap.config.ldap.DeviceReader;
import org.arca.ldap.config.ldap.LdapConfiguration;
import org.arca.ldap.embedded.EmbeddedDirectory;

/**
 * Not a unit test (timings on a shared machine are no pass/fail criterion): loads a device with
 * 1,000 AEs (each with a transfer capability) and 100 exporters from the embedded LDAP, several
 * times, and prints each load with its split into the server's subtree search and the building
 * of the model in memory. Goal: a load under 2 s. Run by ldap/bench/load-bench.sh.
 */
public final class ConfigLoadBenchmark {
    private static final int RUNS = 7;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("arca-ldap-bench");
        int port = args.length == 0 ? 10390 : Integer.parseInt(args[0]);
        long t0 = System.nanoTime();
        try (EmbeddedDirectory ds = EmbeddedDirectory.start(dir.resolve("ldap"), "127.0.0.1", port, "secret");
             LdapConfiguration conf = LdapConfiguration.connect(ds.url(), EmbeddedDirectory.MANAGER_DN, "secret")) {
            System.out.printf("embedded LDAP start (first, with default config): %d ms%n", ms(t0));
            long t1 = System.nanoTime();
            conf.store(null, benchDevice());
            System.out.printf("write 2,103 entries (+1,000 registry entries): %d ms%n", ms(t1));
            LdapContext ctx = context(ds.url());
            long[] loads = new long[RUNS];
            for (int run = 0; run < RUNS; run++) {
                long t2 = System.nanoTime();
                LoadResult r = conf.loadDevice("bench");
                loads[run] = ms(t2);
                long t3 = System.nanoTime();
                List<DeviceReader.Entry> entries = subtree(ctx, conf.deviceDn("bench"));
                long search = ms(t3);
                long t4 = System.nanoTime();
                DeviceReader.read(conf.deviceDn("bench"), entries);
                long build = ms(t4);
                System.out.printf("load %d: %d AEs, %d exporters, %d errors in %d ms (%d entries: search %d ms, build %d ms)%n",
                        run + 1, r.device().getApplicationEntities().size(), r.device().getExporters().size(),
                        r.errors().size(), loads[run], entries.size(), search, build);
            }
            ctx.close();
            long[] sorted = loads.clone();
            Arrays.sort(sorted);
            System.out.printf("load: median %d ms, min %d ms, max %d ms over %d runs%n",
                    sorted[RUNS / 2], sorted[0], sorted[RUNS - 1], RUNS);
        }
    }

    private static Device benchDevice() {
        Device d = new Device("bench").setArchiveDevice(true);
        d.addConnection(new Connection("dicom", "127.0.0.1", 11112));
        d.addQueue(new QueueDescriptor("Export1").setMaxRetries(10));
        for (int i = 0; i < 1000; i++) {
            ApplicationEntity ae = new ApplicationEntity(String.format("BENCH%04d", i)).setConnectionNames(List.of("dicom"));
            ae.getTransferCapabilities().add(new TransferCapability("Storage SCP", "*", TransferRole.SCP, List.of("*")));
            d.addApplicationEntity(ae);
        }
        for (int i = 0; i < 100; i++)
            d.addExporter(new ExporterDescriptor("EXP" + i, String.format("dicom:BENCH%04d", i), "Export1"));
        return d;
    }

    private static LdapContext context(String url) throws Exception {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, url);
        env.put(Context.SECURITY_AUTHENTICATION, "simple");
        env.put(Context.SECURITY_PRINCIPAL, EmbeddedDirectory.MANAGER_DN);
        env.put(Context.SECURITY_CREDENTIALS, "secret");
        return new InitialLdapContext(env, null);
    }

    /** The same paged subtree search as LdapConfiguration.loadDevice, timed on its own. */
    private static List<DeviceReader.Entry> subtree(LdapContext ctx, String dn) throws Exception {
        SearchControls sc = new SearchControls();
        sc.setSearchScope(SearchControls.SUBTREE_SCOPE);
        List<DeviceReader.Entry> entries = new ArrayList<>();
        byte[] cookie = null;
        do {
            ctx.setRequestControls(new Control[] {new PagedResultsControl(500, cookie, Control.NONCRITICAL)});
            NamingEnumeration<SearchResult> e = ctx.search(dn, "(objectClass=*)", sc);
            while (e.hasMore()) {
                SearchResult r = e.next();
                entries.add(new DeviceReader.Entry(r.getNameInNamespace(), r.getAttributes()));
            }
            cookie = null;
            Control[] rc = ctx.getResponseControls();
            if (rc != null) for (Control c : rc) if (c instanceof PagedResultsResponseControl p) cookie = p.getCookie();
        } while (cookie != null && cookie.length > 0);
        ctx.setRequestControls(null);
        return entries;
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
