package org.arca.ldap.testutil;

/** Strict JSON syntax check (RFC 8259) for tests of hand-written JSON output. */
public final class JsonCheck {
    private final String s;
    private int i;

    private JsonCheck(String s) { this.s = s; }

    public static void assertValid(String json) {
        JsonCheck c = new JsonCheck(json);
        c.value();
        c.ws();
        if (c.i != json.length()) throw c.fail("trailing characters");
    }

    private void value() {
        ws();
        if (i >= s.length()) throw fail("unexpected end");
        char ch = s.charAt(i);
        switch (ch) {
            case '{' -> container('}', true);
            case '[' -> container(']', false);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void container(char close, boolean object) {
        i++;
        ws();
        if (s.charAt(i) == close) { i++; return; }
        while (true) {
            if (object) {
                ws();
                if (s.charAt(i) != '"') throw fail("member name expected");
                string();
                ws();
                if (s.charAt(i++) != ':') throw fail("':' expected");
            }
            value();
            ws();
            char ch = s.charAt(i++);
            if (ch == close) return;
            if (ch != ',') throw fail("',' or '" + close + "' expected");
        }
    }

    private void string() {
        i++;
        while (s.charAt(i) != '"') {
            if (s.charAt(i) < 0x20) throw fail("control character in string");
            if (s.charAt(i) == '\\') i++;
            i++;
        }
        i++;
    }

    private void literal(String lit) {
        if (!s.startsWith(lit, i)) throw fail(lit + " expected");
        i += lit.length();
    }

    private void number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
        if (start == i) throw fail("value expected");
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    private IllegalArgumentException fail(String msg) {
        return new IllegalArgumentException(msg + " at " + i + ": "
                + s.substring(Math.max(0, i - 30), Math.min(s.length(), i + 30)));
    }
}
