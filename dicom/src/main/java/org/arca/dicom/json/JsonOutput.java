package org.arca.dicom.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Arrays;

/**
 * A minimal streaming JSON writer: tokens go straight to a {@link Writer} through a small
 * buffer, commas are placed from a stack of "first member" flags, so memory does not depend on
 * the size of the document, only on its nesting depth.
 */
final class JsonOutput {

    private final Writer out;
    private final char[] buf = new char[8192];
    private int len;
    /** Per open object/array: whether a member has been written yet. */
    private boolean[] hasMember = new boolean[16];
    private int depth;
    /** After a name: the next value needs no comma. */
    private boolean afterName;

    JsonOutput(Writer out) {
        this.out = out;
    }

    void beginObject() throws IOException {
        beginValue();
        open('{');
    }

    void endObject() throws IOException {
        close('}');
    }

    void beginArray() throws IOException {
        beginValue();
        open('[');
    }

    void endArray() throws IOException {
        close(']');
    }

    void name(String name) throws IOException {
        beginValue();
        quoted(name);
        append(':');
        afterName = true;
    }

    void string(String s) throws IOException {
        beginValue();
        quoted(s);
    }

    /** Writes {@code literal} unquoted; the caller guarantees it is a JSON number. */
    void number(String literal) throws IOException {
        beginValue();
        append(literal);
    }

    void nullValue() throws IOException {
        beginValue();
        append("null");
    }

    /** Opens a string value whose content follows through {@link #raw(char)}, e.g. base64. */
    void beginRawString() throws IOException {
        beginValue();
        append('"');
    }

    void endRawString() throws IOException {
        append('"');
    }

    /** Appends a character that needs no escaping, inside a string opened by {@link #beginRawString()}. */
    void raw(char c) throws IOException {
        if (len == buf.length) {
            flushBuffer();
        }
        buf[len++] = c;
    }

    /** An OutputStream of ASCII bytes that become raw characters, for a base64 encoder to write to. */
    OutputStream rawAscii() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                raw((char) (b & 0x7F));
            }

            @Override
            public void write(byte[] b, int off, int n) throws IOException {
                for (int i = off; i < off + n; i++) {
                    raw((char) (b[i] & 0x7F));
                }
            }

            @Override
            public void close() {
                // the JSON document goes on: closing the base64 encoder must not close it
            }
        };
    }

    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    private void open(char c) throws IOException {
        append(c);
        if (depth == hasMember.length) {
            hasMember = Arrays.copyOf(hasMember, depth * 2);
        }
        hasMember[depth++] = false;
    }

    private void close(char c) throws IOException {
        depth--;
        append(c);
    }

    private void beginValue() throws IOException {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (hasMember[depth - 1]) {
                append(',');
            }
            hasMember[depth - 1] = true;
        }
    }

    private void quoted(String s) throws IOException {
        append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                append('\\');
                append(c);
            } else if (c < 0x20) {
                switch (c) {
                    case '\n' -> append("\\n");
                    case '\r' -> append("\\r");
                    case '\t' -> append("\\t");
                    case '\b' -> append("\\b");
                    case '\f' -> append("\\f");
                    default -> {
                        append("\\u00");
                        append(Character.forDigit(c >> 4, 16));
                        append(Character.forDigit(c & 0xF, 16));
                    }
                }
            } else {
                append(c);
            }
        }
        append('"');
    }

    private void append(String s) throws IOException {
        for (int i = 0, n = s.length(); i < n; i++) {
            append(s.charAt(i));
        }
    }

    private void append(char c) throws IOException {
        if (len == buf.length) {
            flushBuffer();
        }
        buf[len++] = c;
    }

    private void flushBuffer() throws IOException {
        out.write(buf, 0, len);
        len = 0;
    }
}
