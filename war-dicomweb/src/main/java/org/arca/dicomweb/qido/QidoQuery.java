package org.arca.dicomweb.qido;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.ElementDictionary;
import org.arca.dicom.dict.Tag;

/**
 * The query parameters of a QIDO-RS request (PS3.18 8.3.4) as C-FIND keys: attributes by
 * keyword or tag with their matching values (UID lists separated by ',' or '\'),
 * includefield (keywords, tags or "all"), limit, offset and fuzzymatching. A parameter that
 * cannot be used throws {@link BadQueryException} naming it.
 */
final class QidoQuery {
    private static final Pattern TAG = Pattern.compile("[0-9A-Fa-f]{8}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+");
    /** A DA, TM or DT value (PS3.5 6.2), or a range of them (PS3.4 C.2.2.2.5): "V", "V-", "-V", "V-V". */
    private static final java.util.Map<VR, Pattern> DATE_TIME = java.util.Map.of(
            VR.DA, range("\\d{8}"),
            VR.TM, range("\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,6})?)?)?"),
            VR.DT, range("\\d{4}(\\d{2}(\\d{2}(\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,6})?)?)?)?)?)?([+-]\\d{4})?"));

    private static Pattern range(String value) {
        return Pattern.compile("(" + value + ")?(-(" + value + ")?)?");
    }

    /** A parameter that cannot be used; the message names it. */
    static final class BadQueryException extends Exception {
        BadQueryException(String message) {
            super(message);
        }
    }

    final Attributes keys = new Attributes(false);
    boolean includeAll;
    int limit = Integer.MAX_VALUE;
    int offset;
    boolean fuzzy;

    QidoQuery(QidoLevel target, boolean withStudy, boolean withSeries, Map<Integer, String> pathUIDs,
              MultivaluedMap<String, String> params) throws BadQueryException {
        addDefaults(target);
        if (withStudy) {
            addDefaults(QidoLevel.STUDY);
        }
        if (withSeries) {
            addDefaults(QidoLevel.SERIES);
        }
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            for (String value : e.getValue()) {
                parameter(e.getKey(), value);
            }
        }
        pathUIDs.forEach((tag, uid) -> keys.setString(tag, VR.UI, uid));
    }

    private void addDefaults(QidoLevel level) {
        for (int tag : level.defaults) {
            if (!keys.contains(tag)) {
                keys.setValue(tag, ElementDictionary.vrOf(tag), null);
            }
        }
    }

    private void parameter(String name, String value) throws BadQueryException {
        switch (name) {
            case "limit" -> limit = nonNegative(name, value);
            case "offset" -> offset = nonNegative(name, value);
            case "fuzzymatching" -> {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new BadQueryException("query parameter fuzzymatching=" + value + ": must be true or false");
                }
                fuzzy = value.equals("true");
            }
            case "includefield" -> {
                for (String field : value.split(",")) {
                    if (field.trim().equals("all")) {
                        includeAll = true;
                    } else {
                        int tag = tag("includefield", field.trim());
                        if (!keys.contains(tag)) {
                            keys.setValue(tag, ElementDictionary.vrOf(tag), null);
                        }
                    }
                }
            }
            default -> match(name, value);
        }
    }

    private void match(String name, String value) throws BadQueryException {
        int tag = tag(name, name);
        VR vr = ElementDictionary.vrOf(tag);
        if (vr == VR.SQ) {
            throw new BadQueryException("query parameter " + name + ": sequence matching is not supported");
        }
        String[] values = vr == VR.UI ? value.split("[,\\\\]") : new String[] {value};
        for (String v : values) {
            if ((vr == VR.IS || vr == VR.US || vr == VR.SS || vr == VR.UL || vr == VR.SL) && !NUMBER.matcher(v.trim()).matches()) {
                throw new BadQueryException("query parameter " + name + "=" + value + ": not an integer");
            }
            if (DATE_TIME.containsKey(vr) && !v.isEmpty() && !DATE_TIME.get(vr).matcher(v).matches()) {
                throw new BadQueryException("query parameter " + name + "=" + value + ": not a " + vr + " value or range");
            }
        }
        keys.setString(tag, vr, values);
    }

    /** A keyword or 8 hex digits; dotted paths (sequence attributes) are not supported. */
    private static int tag(String param, String field) throws BadQueryException {
        int tag = TAG.matcher(field).matches() ? (int) Long.parseLong(field, 16) : ElementDictionary.tagOf(field);
        if (tag == -1 || field.isEmpty() || ElementDictionary.vrOf(tag) == null) {
            throw new BadQueryException("query parameter " + param + (param.equals(field) ? "" : "=" + field)
                    + ": not a DICOM attribute keyword or tag");
        }
        if (tag == Tag.SpecificCharacterSet) {
            throw new BadQueryException("query parameter " + param + ": SpecificCharacterSet cannot be queried");
        }
        return tag;
    }

    private static int nonNegative(String name, String value) throws BadQueryException {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadQueryException("query parameter " + name + "=" + value + ": not a non-negative integer");
    }
}
