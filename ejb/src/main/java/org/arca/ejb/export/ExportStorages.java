package org.arca.ejb.export;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.arca.ejb.conf.ArchiveConfiguration;
import org.arca.ejb.storage.Storages;

/**
 * The storages the exporters read from and write to, opened once and shared by all export
 * tasks: opening an S3 storage starts a jclouds context with its connection pool and upload
 * threads, which a storage opened per task would leave running. Closed with the application.
 */
@ApplicationScoped
public class ExportStorages {

    @Resource(lookup = "java:/ArcaDS")
    private DataSource dataSource;

    @EJB
    private ArchiveConfiguration configuration;

    private Storages storages;

    @PostConstruct
    void open() {
        storages = new Storages().copiesFrom(dataSource);
    }

    @PreDestroy
    void close() {
        storages.close();
    }

    /** The storages, knowing the descriptors of the current configuration. */
    public Storages current() {
        return storages.configure(configuration.device().getStorages());
    }
}
