package org.arca.ejb.export;

import org.arca.ldap.config.ExporterDescriptor;

/**
 * Carries out export tasks for one or more URI schemes of dcmURI ({@code dicom}, {@code stow},
 * {@code storage}, ...). Implementations are CDI beans; the task processor picks the one whose
 * {@link #handles} accepts the exporter's scheme.
 */
public interface Exporter {

    boolean handles(String scheme);

    /** Exports what the task names; throws when the destination could not be reached. */
    ExportOutcome export(ExportTask task, ExporterDescriptor descriptor) throws Exception;
}
