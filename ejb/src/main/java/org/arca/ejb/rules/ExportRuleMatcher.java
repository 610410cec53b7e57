package org.arca.ejb.rules;

import java.time.ZonedDateTime;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.dict.ElementDictionary;
import org.arca.ldap.config.ExportRule;
import org.arca.ldap.config.Schedule;

/**
 * Whether an export rule fires for a stored instance: its dcmSchedule contains now, and every
 * condition (dcmProperty {@code Keyword=regex} or {@code Keyword!=regex}, the key also as 8 hex
 * digits) holds. A condition holds when one of the attribute's values matches the regular
 * expression as a whole ({@code Modality=CT|MR}); negated, when none does. Beside attributes
 * the keys SendingApplicationEntityTitle and ReceivingApplicationEntityTitle name the calling
 * and called AE titles, SendingHostname and ReceivingHostname the hosts (when known).
 */
public final class ExportRuleMatcher {

    /** What a rule is tested against: the header of the stored instance and who sent it where. */
    public record Subject(Attributes header, String sendingAet, String receivingAet, String sendingHost,
            String receivingHost) {
    }

    private ExportRuleMatcher() {
    }

    public static boolean matches(ExportRule rule, Subject s, ZonedDateTime now) {
        if (!Schedule.containsAny(rule.getSchedules(), now)) {
            return false;
        }
        for (Map.Entry<String, String> c : rule.getConditions().entrySet()) {
            if (!holds(c.getKey().trim(), c.getValue(), s)) {
                return false;
            }
        }
        return true;
    }

    static boolean holds(String key, String regex, Subject s) {
        boolean negated = key.endsWith("!");
        String name = negated ? key.substring(0, key.length() - 1) : key;
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("condition " + key + "=" + regex + ": " + e.getDescription(), e);
        }
        boolean any = false;
        for (String v : values(name, s)) {
            if (v != null && p.matcher(v).matches()) {
                any = true;
                break;
            }
        }
        return any != negated;
    }

    private static String[] values(String name, Subject s) {
        switch (name) {
            case "SendingApplicationEntityTitle": return one(s.sendingAet());
            case "ReceivingApplicationEntityTitle": return one(s.receivingAet());
            case "SendingHostname": return one(s.sendingHost());
            case "ReceivingHostname": return one(s.receivingHost());
            default:
                int tag = tagOf(name);
                String[] v = s.header().getStrings(tag);
                return v == null ? new String[0] : v;
        }
    }

    private static String[] one(String v) {
        return v == null ? new String[0] : new String[] {v};
    }

    private static int tagOf(String name) {
        if (name.length() == 8 && name.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return (int) Long.parseLong(name, 16);
        }
        int tag = ElementDictionary.tagOf(name);
        if (tag == -1) {
            throw new IllegalArgumentException("condition on unknown attribute '" + name + "'");
        }
        return tag;
    }
}
