package org.arca.ejb.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.ldap.config.Enums.Entity;
import org.arca.ldap.config.ExportRule;
import org.arca.ldap.config.Schedule;
import org.junit.jupiter.api.Test;

class ExportRuleMatcherTest {

    private static final ZonedDateTime MONDAY_14 = LocalDateTime.parse("2026-11-23T14:00").atZone(ZoneId.of("UTC"));

    private static ExportRuleMatcher.Subject ct(String sendingAet) {
        Attributes h = new Attributes();
        h.setString(Tag.Modality, VR.CS, "CT");
        h.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        h.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
        return new ExportRuleMatcher.Subject(h, sendingAet, "DCM4CHEE", null, null);
    }

    private static ExportRule rule(String... conditions) {
        ExportRule r = new ExportRule("r", Entity.Study, List.of("STORESCP"));
        for (String c : conditions) {
            int eq = c.indexOf('=');
            r.getConditions().put(c.substring(0, eq), c.substring(eq + 1));
        }
        return r;
    }

    @Test
    void alternativesOfTheRegexMatchTheWholeValue() {
        assertTrue(ExportRuleMatcher.matches(rule("Modality=CT|MR"), ct("CT1"), MONDAY_14));
        assertFalse(ExportRuleMatcher.matches(rule("Modality=C"), ct("CT1"), MONDAY_14), "whole value, not a prefix");
        assertFalse(ExportRuleMatcher.matches(rule("Modality=MR|US"), ct("CT1"), MONDAY_14));
    }

    @Test
    void anyValueOfAMultiValuedAttributeMatches() {
        assertTrue(ExportRuleMatcher.matches(rule("ImageType=AXIAL"), ct("CT1"), MONDAY_14));
        assertTrue(ExportRuleMatcher.matches(rule("00080008=PRIMARY"), ct("CT1"), MONDAY_14), "key as tag");
    }

    @Test
    void negationAndMissingAttributes() {
        assertFalse(ExportRuleMatcher.matches(rule("Modality!=CT"), ct("CT1"), MONDAY_14));
        assertTrue(ExportRuleMatcher.matches(rule("Modality!=MR"), ct("CT1"), MONDAY_14));
        assertFalse(ExportRuleMatcher.matches(rule("BodyPartExamined=HEAD"), ct("CT1"), MONDAY_14), "missing: no match");
        assertTrue(ExportRuleMatcher.matches(rule("BodyPartExamined!=HEAD"), ct("CT1"), MONDAY_14));
    }

    @Test
    void sendingAndReceivingAeTitles() {
        ExportRule r = rule("SendingApplicationEntityTitle=CT1", "ReceivingApplicationEntityTitle=DCM4CHEE");
        assertTrue(ExportRuleMatcher.matches(r, ct("CT1"), MONDAY_14));
        assertFalse(ExportRuleMatcher.matches(r, ct("MR1"), MONDAY_14), "all conditions must hold");
    }

    @Test
    void ruleScheduleDecidesWhetherItFires() {
        ExportRule r = rule("Modality=CT").setSchedules(List.of(Schedule.parse("hour=* dayOfWeek=0,6")));
        assertFalse(ExportRuleMatcher.matches(r, ct("CT1"), MONDAY_14));
        assertTrue(ExportRuleMatcher.matches(r, ct("CT1"), MONDAY_14.plusDays(5)), "Saturday");
    }

    @Test
    void unknownKeywordIsReportedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExportRuleMatcher.matches(rule("NoSuchKeyword=X"), ct("CT1"), MONDAY_14));
        assertTrue(e.getMessage().contains("NoSuchKeyword"), e.getMessage());
    }

    @Test
    void coarserEntityAndLongerDelayWinForTheSameExporter() {
        ExportRule series = new ExportRule("a", Entity.Series, List.of("STORESCP")).setExportDelay(Duration.ofMinutes(5));
        ExportRule study = new ExportRule("b", Entity.Study, List.of("STORESCP", "STOWRSD")).setExportDelay(Duration.ofMinutes(1));
        List<ExportRulePlan.Export> plan = ExportRulePlan.of(List.of(series, study), ct("CT1"), MONDAY_14);
        assertEquals(List.of(new ExportRulePlan.Export("STORESCP", Entity.Study, Duration.ofMinutes(5)),
                new ExportRulePlan.Export("STOWRSD", Entity.Study, Duration.ofMinutes(1))), plan);
    }

    @Test
    void rulesThatDoNotFireGiveNoExport() {
        assertEquals(List.of(), ExportRulePlan.of(List.of(rule("Modality=MR")), ct("CT1"), MONDAY_14));
    }
}
