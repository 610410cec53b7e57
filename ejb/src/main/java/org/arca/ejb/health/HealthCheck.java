package org.arca.ejb.health;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.sql.DataSource;
import org.arca.ejb.db.DatabaseSchema;
import org.arca.ejb.ldap.Directory;
import org.arca.ejb.runtime.Settings;

/**
 * Probes each service the archive needs with a real round trip (a query, an LDAP read, a
 * JMS browse, a file write), so that "up" means usable, not merely configured.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthCheck {

    @Resource(lookup = "java:/ArcaDS")
    private DataSource dataSource;

    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/queue/Export1")
    private Queue probeQueue;

    @EJB
    private DatabaseSchema schema;

    @EJB
    private Directory directory;

    public List<ComponentHealth> check() {
        return List.of(database(), ldap(), jms(), storage());
    }

    ComponentHealth database() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(5);
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM export_task")) {
                rs.next();
                return ComponentHealth.up("database", c.getMetaData().getDatabaseProductName()
                        + " schema " + schema.version());
            }
        } catch (Exception e) {
            return ComponentHealth.down("database", e);
        }
    }

    ComponentHealth ldap() {
        String dn = "dicomDeviceName=" + Settings.deviceName() + "," + Settings.DEVICES_ROOT;
        try {
            DirContext ctx = directory.connect();
            try {
                Attributes attrs = ctx.getAttributes(dn, new String[] {"dicomDeviceName"});
                return ComponentHealth.up("ldap", directory.url() + " " + attrs.get("dicomDeviceName").get());
            } finally {
                ctx.close();
            }
        } catch (Exception e) {
            return ComponentHealth.down("ldap", e);
        }
    }

    ComponentHealth jms() {
        try (JMSContext ctx = connectionFactory.createContext(); QueueBrowser browser = ctx.createBrowser(probeQueue)) {
            // Browsing proves broker, connection factory and queue; it consumes nothing.
            boolean pending = browser.getEnumeration().hasMoreElements();
            return ComponentHealth.up("jms", "Export1 " + (pending ? "has pending messages" : "empty"));
        } catch (Exception e) {
            return ComponentHealth.down("jms", e);
        }
    }

    ComponentHealth storage() {
        try {
            Path dir = Files.createDirectories(Settings.dataDir());
            Path probe = Files.createTempFile(dir, ".health", ".tmp");
            Files.delete(probe);
            long free = Files.getFileStore(dir).getUsableSpace();
            return ComponentHealth.up("storage", dir + " free " + (free >> 20) + " MiB");
        } catch (Exception e) {
            return ComponentHealth.down("storage", e);
        }
    }
}
