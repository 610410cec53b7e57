package org.arca.ejb.rules;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arca.ldap.config.Enums.Entity;
import org.arca.ldap.config.ExportRule;

/**
 * Which exports one stored instance asks for: for each exporter named by a firing rule, the
 * entity to export and the delay after this instance (dcmDuration). When several rules name
 * the same exporter the coarser entity wins (Study over Series over Instance), and with it
 * the longer delay, so nothing goes out before every rule would have let it.
 */
public final class ExportRulePlan {

    /** One export: exporter, what of the instance's study to send, and how long to wait. */
    public record Export(String exporterId, Entity entity, Duration delay) {
    }

    private ExportRulePlan() {
    }

    public static List<Export> of(List<ExportRule> rules, ExportRuleMatcher.Subject subject, ZonedDateTime now) {
        Map<String, Export> byExporter = new LinkedHashMap<>();
        for (ExportRule rule : rules) {
            if (!ExportRuleMatcher.matches(rule, subject, now)) {
                continue;
            }
            Entity entity = rule.getEntity() == null ? Entity.Study : rule.getEntity();
            Duration delay = rule.getExportDelay() == null ? Duration.ZERO : rule.getExportDelay();
            for (String id : rule.getExporterIDs()) {
                byExporter.merge(id, new Export(id, entity, delay), ExportRulePlan::coarser);
            }
        }
        return new ArrayList<>(byExporter.values());
    }

    private static Export coarser(Export a, Export b) {
        Entity entity = a.entity().ordinal() <= b.entity().ordinal() ? a.entity() : b.entity();
        Duration delay = a.delay().compareTo(b.delay()) >= 0 ? a.delay() : b.delay();
        return new Export(a.exporterId(), entity, delay);
    }
}
