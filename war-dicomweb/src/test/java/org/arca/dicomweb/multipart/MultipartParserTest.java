package org.arca.dicomweb.multipart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartParserTest {
    private static final String B = "b0undary-42";

    private static byte[] body(byte[]... contents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] c : contents) {
            out.write(("--" + B + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(c);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(("--" + B + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Hands out at most {@code chunk} bytes per read, so delimiters straddle buffer refills. */
    private static InputStream chunked(byte[] data, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void partsComeOutExactlyWhateverTheReadSizes() throws IOException {
        // content holding "--boundary" without the CRLF before it, and a CR LF "-" near-delimiter
        byte[] tricky = ("x--" + B + "y\r\n-" + B + "\r\n--" + B.substring(0, 5)).getBytes(StandardCharsets.US_ASCII);
        byte[][] contents = {random(200_000, 1), tricky, new byte[0], random(70_000, 2)};
        for (int chunk : new int[] {1, 7, 8192, 1 << 20}) {
            for (int readSize : new int[] {13, 8192, 1 << 20}) { // the reader's own steps, too
                MultipartParser p = new MultipartParser(chunked(body(contents), chunk), B);
                for (byte[] expected : contents) {
                    Part part = p.nextPart();
                    assertEquals("application/dicom", part.contentType(null).mediaType());
                    assertArrayEquals(expected, readInSteps(part.body(), readSize),
                            "chunk " + chunk + ", read size " + readSize + ", part " + part.number());
                }
                assertNull(p.nextPart());
                assertEquals(4, p.parts());
            }
        }
    }

    @Test
    void contentMadeOfTheDelimitersOwnBytesIsNotCutShort() throws IOException {
        // near-delimiters everywhere: the skip-ahead search must never step over a real one
        byte[] alphabet = ("\r\n--" + B).getBytes(StandardCharsets.US_ASCII);
        Random r = new Random(3);
        byte[][] contents = new byte[6][];
        for (int k = 0; k < contents.length; k++) {
            contents[k] = new byte[r.nextInt(150_000)];
            for (int i = 0; i < contents[k].length; i++) {
                contents[k][i] = alphabet[r.nextInt(alphabet.length)];
            }
            // a delimiter missing its last byte, and one missing the CR before it
            byte[] near = ("\r\n--" + B.substring(0, B.length() - 1) + "x\n--" + B).getBytes(StandardCharsets.US_ASCII);
            int at = contents[k].length / 2;
            if (at + near.length < contents[k].length) {
                System.arraycopy(near, 0, contents[k], at, near.length);
            }
            contents[k] = new String(contents[k], StandardCharsets.ISO_8859_1).replace("\r\n--" + B, "\r\n-+" + B)
                    .getBytes(StandardCharsets.ISO_8859_1); // no real delimiter inside a part
        }
        for (int chunk : new int[] {3, 4096, 1 << 20}) {
            MultipartParser p = new MultipartParser(chunked(body(contents), chunk), B);
            for (byte[] expected : contents) {
                assertArrayEquals(expected, readInSteps(p.nextPart().body(), 1000), "chunk " + chunk);
            }
            assertNull(p.nextPart());
        }
    }

    private static byte[] readInSteps(InputStream in, int step) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[step];
        for (int n; (n = in.read(b, 0, step)) >= 0; ) {
            out.write(b, 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void boundaryLongerThanRfc2046AllowsIsAcceptedAsOrthancSendsIt() throws IOException {
        String b = "fafd0b78-ca77-4877-9e6f-2148e610e78f-fafd0b78-ca77-4877-9e6f-2148e610e78f"; // 73 characters
        String s = "--" + b + "\r\n\r\nabc\r\n--" + b + "--\r\n";
        MultipartParser p = new MultipartParser(new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII)), b);
        assertArrayEquals("abc".getBytes(), p.nextPart().body().readAllBytes());
        assertNull(p.nextPart());
    }

    @Test
    void unreadRestOfAPartIsSkipped() throws IOException {
        MultipartParser p = new MultipartParser(new ByteArrayInputStream(body(random(100_000, 3), "two".getBytes())), B);
        p.nextPart().body().read(new byte[10]);
        assertArrayEquals("two".getBytes(), p.nextPart().body().readAllBytes());
        assertNull(p.nextPart());
    }

    @Test
    void preambleTransportPaddingAndLfOnlyHeadersAreAccepted() throws IOException {
        String s = "this is a preamble\r\n--" + B + "  \t\r\nContent-Type: text/plain\n\nhello\r\n--" + B + "--";
        MultipartParser p = new MultipartParser(new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII)), B);
        Part part = p.nextPart();
        assertEquals("text/plain", part.headers().get("content-type"));
        assertEquals("hello", new String(part.body().readAllBytes(), StandardCharsets.US_ASCII));
        assertNull(p.nextPart());
    }

    @Test
    void contentIsStreamedNotBuffered() throws IOException {
        byte[] big = body(random(20 << 20, 4));
        long[] consumed = {0};
        InputStream counting = new FilterInputStream(new ByteArrayInputStream(big)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                consumed[0] += Math.max(n, 0);
                return n;
            }
        };
        MultipartParser p = new MultipartParser(counting, B);
        InputStream part = p.nextPart().body();
        assertEquals(1000, part.readNBytes(1000).length);
        assertTrue(consumed[0] <= 128 * 1024, "read ahead " + consumed[0] + " bytes of a 20 MB body");
        assertEquals((20 << 20) - 1000, part.transferTo(OutputStreamSink.INSTANCE));
        assertNull(p.nextPart());
    }

    @Test
    void wrongBoundaryIsNamed() throws IOException {
        MultipartParser p = new MultipartParser(new ByteArrayInputStream(body("x".getBytes())), "other");
        MultipartException e = assertThrows(MultipartException.class, p::nextPart);
        assertTrue(e.getMessage().contains("no boundary delimiter '--other'"), e.getMessage());
    }

    @Test
    void truncatedBodyFailsInThePartItEndsIn() throws IOException {
        byte[] whole = body("first".getBytes(), random(50_000, 5));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 30_000);
        MultipartParser p = new MultipartParser(new ByteArrayInputStream(cut), B);
        assertArrayEquals("first".getBytes(), p.nextPart().body().readAllBytes());
        InputStream second = p.nextPart().body();
        MultipartException e = assertThrows(MultipartException.class, second::readAllBytes);
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("content of part 2"), e.getMessage());
    }

    @Test
    void missingCloseDelimiterIsTruncation() throws IOException {
        byte[] s = ("--" + B + "\r\n\r\nabc\r\n--" + B).getBytes(StandardCharsets.US_ASCII);
        MultipartParser p = new MultipartParser(new ByteArrayInputStream(s), B);
        assertArrayEquals("abc".getBytes(), p.nextPart().body().readAllBytes());
        MultipartException e = assertThrows(MultipartException.class, p::nextPart);
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void malformedHeaderLineIsNamed() throws IOException {
        byte[] s = ("--" + B + "\r\nno colon here\r\n\r\nabc\r\n--" + B + "--").getBytes(StandardCharsets.US_ASCII);
        MultipartParser p = new MultipartParser(new ByteArrayInputStream(s), B);
        MultipartException e = assertThrows(MultipartException.class, p::nextPart);
        assertTrue(e.getMessage().contains("malformed header line: 'no colon here'"), e.getMessage());
    }

    @Test
    void contentTypeParametersAreParsed() {
        ContentType ct = ContentType.parse("Multipart/Related; type=\"application/dicom\"; boundary=\"a;b\"");
        assertEquals("multipart/related", ct.mediaType());
        assertEquals("application/dicom", ct.parameter("type"));
        assertEquals("a;b", ct.parameter("boundary"));
        assertEquals(2, ContentType.parseList("multipart/related; type=\"application/dicom\", */*;q=0.1").size());
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
