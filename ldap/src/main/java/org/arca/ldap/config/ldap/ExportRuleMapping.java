package org.arca.ldap.config.ldap;

import org.arca.ldap.config.Enums.Entity;
import org.arca.ldap.config.Enums.ReoccurredInstances;
import org.arca.ldap.config.ExportRule;

/** ExportRule <-> dcmExportRule. */
final class ExportRuleMapping {
    private ExportRuleMapping() {}

    static ExportRule read(EntryReader r) {
        ExportRule rule = new ExportRule();
        rule.setName(r.required("cn"));
        rule.setEntity(r.enumValue("dcmEntity", Entity.class, null));
        if (rule.getEntity() == null && !r.hasErrors()) r.error("dcmEntity", "missing");
        rule.setExporterIDs(r.strings("dcmExporterID"));
        if (rule.getExporterIDs().isEmpty()) r.error("dcmExporterID", "missing");
        rule.getConditions().putAll(r.properties("dcmProperty"));
        rule.setSchedules(r.schedules("dcmSchedule"));
        rule.setExportDelay(r.duration("dcmDuration"));
        rule.setDeviceName(r.string("dicomDeviceName"));
        rule.setReoccurredInstances(r.enumValue("dcmExportReoccurredInstances", ReoccurredInstances.class,
                ReoccurredInstances.REPLACE));
        return rule;
    }

    static EntryImage image(ExportRule rule) {
        return new EntryImage("dcmExportRule", "cn", rule.getName(), "dcmExportRule")
                .put("dcmEntity", rule.getEntity() == null ? null : rule.getEntity().name())
                .putAll("dcmExporterID", rule.getExporterIDs())
                .putProperties("dcmProperty", rule.getConditions())
                .putAll("dcmSchedule", rule.getSchedules().stream().map(Object::toString).toList())
                .put("dcmDuration", rule.getExportDelay())
                .put("dicomDeviceName", rule.getDeviceName())
                .put("dcmExportReoccurredInstances", rule.getReoccurredInstances() == ReoccurredInstances.REPLACE
                        ? null : rule.getReoccurredInstances().name());
    }
}
