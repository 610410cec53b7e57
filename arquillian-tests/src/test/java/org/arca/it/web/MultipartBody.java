package org.arca.it.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits a (small, in-memory) multipart response into the contents of its parts, for assertions. */
final class MultipartBody {
    private MultipartBody() {
    }

    static String boundary(String contentType) {
        for (String p : contentType.split(";")) {
            String t = p.trim();
            if (t.startsWith("boundary=")) {
                return t.substring(9).replace("\"", "");
            }
        }
        throw new AssertionError("no boundary in " + contentType);
    }

    /** The part contents (headers removed). */
    static List<byte[]> parts(byte[] body, String contentType) {
        byte[] delim = ("\r\n--" + boundary(contentType)).getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[body.length + 2];
        b[0] = '\r';
        b[1] = '\n';
        System.arraycopy(body, 0, b, 2, body.length);
        List<byte[]> parts = new ArrayList<>();
        int start = indexOf(b, delim, 0);
        while (start >= 0) {
            int lineEnd = start + delim.length;
            if (b[lineEnd] == '-' && b[lineEnd + 1] == '-') {
                break;
            }
            int headersEnd = indexOf(b, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), lineEnd) + 4;
            int next = indexOf(b, delim, headersEnd);
            parts.add(Arrays.copyOfRange(b, headersEnd, next));
            start = next;
        }
        return parts;
    }

    private static int indexOf(byte[] b, byte[] what, int from) {
        outer:
        for (int i = from; i <= b.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
