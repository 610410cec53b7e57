package org.arca.ejb.export.stow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StowBodyTest {

    @Test
    void bodyIsMultipartRelatedWithTheAnnouncedLengthAndOpensPartsLazily() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        byte[] a = "first object".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "second".getBytes(StandardCharsets.US_ASCII);
        StowBody body = new StowBody(List.of(
                StowPart.of("1.2.cuid", "1.2.a", a.length, () -> { opened.incrementAndGet(); return new ByteArrayInputStream(a); }),
                StowPart.of("1.2.cuid", "1.2.b", b.length, () -> { opened.incrementAndGet(); return new ByteArrayInputStream(b); })));
        String boundary = body.contentType().substring(body.contentType().indexOf("boundary=") + 9);
        assertTrue(body.contentType().startsWith("multipart/related; type=\"application/dicom\""), body.contentType());
        try (InputStream in = body.open()) {
            assertEquals(0, opened.get(), "nothing opened before reading");
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertEquals("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\nfirst object\r\n"
                    + "--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\nsecond\r\n"
                    + "--" + boundary + "--\r\n", text);
            assertEquals(body.length(), text.length());
            assertEquals(2, opened.get());
        }
    }
}
