package org.arca.ldap.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javax.naming.AuthenticationException;
import javax.naming.NamingEnumeration;
import javax.naming.directory.Attribute;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import javax.naming.directory.InvalidAttributeValueException;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.LdapContext;

import org.arca.ldap.testutil.Jndi;
import org.arca.ldap.testutil.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDirectoryTest {

    static final String DEVICE = "dicomDeviceName=dcm4chee-arc,cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org";

    @TempDir Path tmp;

    @Test
    void firstStartLoadsDefaultConfigAndRestartKeepsWrites() throws Exception {
        Path dir = tmp.resolve("ldap");
        int port = Ports.freeLoopbackPort();
        long t0 = System.nanoTime();
        try (EmbeddedDirectory ds = EmbeddedDirectory.start(dir, "127.0.0.1", port, "secret")) {
            System.out.printf("EmbeddedDirectory first start: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertEquals("ldap://127.0.0.1:" + port, ds.url());
            LdapContext ctx = Jndi.connect(ds.url(), EmbeddedDirectory.MANAGER_DN, "secret");
            try {
                assertEquals("DCM4CHEE", ctx.getAttributes("dicomAETitle=DCM4CHEE," + DEVICE)
                        .get("dicomAETitle").get());
                assertEquals(10, count(ctx, DEVICE, "(objectClass=dcmQueue)"));
                assertEquals(2, count(ctx, DEVICE, "(objectClass=dcmExporter)"));
                assertEquals(3, count(ctx, "cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org",
                        "(objectClass=dicomDevice)"));
                // the schema is enforced: an INTEGER attribute refuses text
                BasicAttributes bad = new BasicAttributes(true);
                bad.put(new BasicAttribute("objectClass", "dicomNetworkConnection"));
                bad.put("cn", "bad");
                bad.put("dicomHostname", "localhost");
                bad.put("dicomPort", "notanumber");
                assertThrows(InvalidAttributeValueException.class, () -> ctx.createSubcontext("cn=bad," + DEVICE, bad));
                // a write that the restart must keep
                BasicAttributes queue = new BasicAttributes(true);
                queue.put(new BasicAttribute("objectClass", "dcmQueue"));
                queue.put("dcmQueueName", "Export11");
                queue.put("dcmMaxRetries", "3");
                ctx.createSubcontext("dcmQueueName=Export11," + DEVICE, queue).close();
            } finally {
                ctx.close();
            }
        }
        long t1 = System.nanoTime();
        try (EmbeddedDirectory ds = EmbeddedDirectory.start(dir, "127.0.0.1", port, "changed")) {
            System.out.printf("EmbeddedDirectory restart: %d ms%n", (System.nanoTime() - t1) / 1_000_000);
            LdapContext ctx = Jndi.connect(ds.url(), "uid=admin,ou=system", "changed");
            try {
                assertEquals("3", ctx.getAttributes("dcmQueueName=Export11," + DEVICE).get("dcmMaxRetries").get());
                assertEquals(11, count(ctx, DEVICE, "(objectClass=dcmQueue)"));
            } finally {
                ctx.close();
            }
            assertThrows(AuthenticationException.class,
                    () -> Jndi.connect(ds.url(), EmbeddedDirectory.MANAGER_DN, "secret").close());
            Jndi.connect(ds.url(), EmbeddedDirectory.MANAGER_DN, "changed").close();
        }
    }

    @Test
    void secondServerOnSameDataIsRefusedAndCloseReleasesPortAndLock() throws Exception {
        Path dir = tmp.resolve("ldap");
        int port = Ports.freeLoopbackPort();
        try (EmbeddedDirectory ds = EmbeddedDirectory.start(dir, "127.0.0.1", port, "secret")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> EmbeddedDirectory.start(dir, "127.0.0.1", Ports.freeLoopbackPort(), "secret"));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
            Jndi.connect(ds.url(), EmbeddedDirectory.MANAGER_DN, "secret").close();
        }
        try (EmbeddedDirectory ds = EmbeddedDirectory.start(dir, "127.0.0.1", port, "secret")) {
            Jndi.connect(ds.url(), EmbeddedDirectory.MANAGER_DN, "secret").close();
        }
    }

    static int count(LdapContext ctx, String base, String filter) throws Exception {
        SearchControls sc = new SearchControls();
        sc.setSearchScope(SearchControls.SUBTREE_SCOPE);
        sc.setReturningAttributes(new String[0]);
        int n = 0;
        NamingEnumeration<SearchResult> e = ctx.search(base, filter, sc);
        while (e.hasMore()) { e.next(); n++; }
        return n;
    }

    static Attribute attr(LdapContext ctx, String dn, String id) throws Exception {
        return ctx.getAttributes(dn, new String[] {id}).get(id);
    }
}
