package org.arca.dicom.json;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A strict pull parser for JSON (RFC 8259): {@link #next()} returns one token at a time and
 * checks the grammar (commas, colons, nesting) as it goes. Numbers are returned as their
 * literal text, so a reader can keep "1.50" as written.
 */
final class JsonParser {

    enum Token { BEGIN_OBJECT, END_OBJECT, BEGIN_ARRAY, END_ARRAY, NAME, STRING, NUMBER, TRUE, FALSE, NULL, EOF }

    private static final int MAX_DEPTH = 256;

    private final Reader in;
    private final char[] buf = new char[8192];
    private int pos;
    private int lim;
    private long base;
    private final StringBuilder text = new StringBuilder();
    /** Per open container: true for an object. */
    private boolean[] isObject = new boolean[16];
    private int depth;
    /** Whether the current container already has a member, i.e. the next needs a comma. */
    private boolean hasMember;
    private boolean done;
    /** Set after a name: the next token is that member's value. */
    private boolean pushPendingValue;
    private long tokenOffset;

    JsonParser(Reader in) {
        this.in = in;
    }

    /** Character offset of the last token returned. */
    long offset() {
        return tokenOffset;
    }

    /** Text of the last NAME, STRING or NUMBER token. */
    String text() {
        return text.toString();
    }

    Token next() throws IOException {
        int c = skipSpace();
        tokenOffset = base + pos - 1;
        if (c < 0) {
            if (depth > 0) {
                throw error("unexpected end of input");
            }
            return Token.EOF;
        }
        if (c == '}' || c == ']') {
            boolean object = c == '}';
            if (depth == 0 || isObject[depth - 1] != object || pushPendingValue) {
                throw error("unexpected '" + (char) c + "'");
            }
            depth--;
            hasMember = true;
            return object ? Token.END_OBJECT : Token.END_ARRAY;
        }
        if (depth == 0 && done) {
            throw error("more than one value");
        }
        if (hasMember) {
            if (c != ',') {
                throw error("expected ',' or a closing bracket");
            }
            c = skipSpace();
            tokenOffset = base + pos - 1;
        }
        if (depth > 0 && isObject[depth - 1] && !pushPendingValue) {
            if (c != '"') {
                throw error("expected a member name");
            }
            readString();
            if (skipSpace() != ':') {
                throw error("expected ':'");
            }
            hasMember = false; // the value follows without a comma
            pushPendingValue = true;
            return Token.NAME;
        }
        return value(c);
    }

    private Token value(int c) throws IOException {
        Token t;
        switch (c) {
            case '{' -> {
                push(true);
                return Token.BEGIN_OBJECT;
            }
            case '[' -> {
                push(false);
                return Token.BEGIN_ARRAY;
            }
            case '"' -> {
                readString();
                t = Token.STRING;
            }
            case 't' -> {
                literal("rue");
                t = Token.TRUE;
            }
            case 'f' -> {
                literal("alse");
                t = Token.FALSE;
            }
            case 'n' -> {
                literal("ull");
                t = Token.NULL;
            }
            default -> {
                if (c != '-' && (c < '0' || c > '9')) {
                    throw error(c < 0 ? "unexpected end of input" : "unexpected character '" + (char) c + "'");
                }
                readNumber(c);
                t = Token.NUMBER;
            }
        }
        valueDone();
        return t;
    }

    /** Skips the value that follows (after a NAME, or inside an array), however deep. */
    void skipValue() throws IOException {
        int start = depth;
        do {
            Token t = next();
            if (t == Token.EOF) {
                throw error("unexpected end of input");
            }
        } while (depth > start);
    }

    private void push(boolean object) throws JsonParseException {
        if (depth == MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        if (depth == isObject.length) {
            isObject = Arrays.copyOf(isObject, depth * 2);
        }
        isObject[depth++] = object;
        hasMember = false;
        pushPendingValue = false;
    }

    private void valueDone() {
        hasMember = true;
        pushPendingValue = false;
        if (depth == 0) {
            done = true;
        }
    }

    private void literal(String rest) throws IOException {
        for (int i = 0; i < rest.length(); i++) {
            if (read() != rest.charAt(i)) {
                throw error("invalid literal");
            }
        }
    }

    private void readNumber(int first) throws IOException {
        text.setLength(0);
        text.append((char) first);
        while (true) {
            int c = peek();
            if ((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                text.append((char) c);
                pos++;
            } else {
                break;
            }
        }
        if (!ValueFormat.isJsonNumber(text.toString())) {
            throw error("invalid number " + text);
        }
    }

    private void readString() throws IOException {
        text.setLength(0);
        while (true) {
            int c = read();
            if (c == '"') {
                return;
            }
            if (c < 0) {
                throw error("unterminated string");
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c != '\\') {
                text.append((char) c);
                continue;
            }
            c = read();
            switch (c) {
                case '"', '\\', '/' -> text.append((char) c);
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    int v = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.digit(read(), 16);
                        if (d < 0) {
                            throw error("invalid \\u escape");
                        }
                        v = v * 16 + d;
                    }
                    text.append((char) v);
                }
                default -> throw error("invalid escape");
            }
        }
    }

    private int skipSpace() throws IOException {
        while (true) {
            int c = read();
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c;
            }
        }
    }

    private int read() throws IOException {
        if (pos == lim && !fill()) {
            return -1;
        }
        return buf[pos++];
    }

    private int peek() throws IOException {
        if (pos == lim && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    private boolean fill() throws IOException {
        base += lim;
        pos = 0;
        lim = 0;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        lim = n;
        return true;
    }

    private JsonParseException error(String message) {
        return new JsonParseException(message, tokenOffset);
    }
}
