package org.arca.ldap.config.json;

/** Minimal JSON output: enough for configuration documents, no library needed. */
final class JsonWriter {
    private final StringBuilder sb = new StringBuilder();
    private final boolean[] first = new boolean[64];
    private int depth;

    JsonWriter beginObject() { value(); sb.append('{'); first[++depth] = true; return this; }
    JsonWriter endObject() { depth--; sb.append('}'); return this; }
    JsonWriter beginArray() { value(); sb.append('['); first[++depth] = true; return this; }
    JsonWriter endArray() { depth--; sb.append(']'); return this; }

    /** Writes a member name; the next call writes its value. */
    JsonWriter name(String name) {
        separator();
        string(name);
        sb.append(':');
        first[depth] = true; // the value must not emit a separator
        pendingValue = true;
        return this;
    }

    private boolean pendingValue;

    JsonWriter value(Object v) {
        value();
        if (v == null) sb.append("null");
        else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) sb.append(v);
        else string(v.toString());
        return this;
    }

    private void value() {
        if (pendingValue) {
            pendingValue = false;
            first[depth] = false;
        } else {
            separator();
        }
    }

    private void separator() {
        if (depth > 0 && !first[depth]) sb.append(',');
        first[depth] = false;
    }

    private void string(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
