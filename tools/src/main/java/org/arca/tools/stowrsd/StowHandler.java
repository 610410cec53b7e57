package org.arca.tools.stowrsd;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.FileMetaInformation;

/**
 * POST {path}/studies[/{StudyInstanceUID}] with multipart/related; type="application/dicom":
 * each part is streamed to a temporary file in the output folder, checked for File Meta
 * Information, and kept as {@code <SOPInstanceUID>.dcm}. Answers per PS3.18 10.5.3: 200 when
 * all were stored, 202 when some failed, 409 when all failed, with the Referenced SOP and
 * Failed SOP Sequences in DICOM JSON; 415 for other media types.
 */
final class StowHandler implements HttpHandler {

    /** PS3.4 C000: cannot understand (no Part 10 object in the part). */
    private static final int CANNOT_UNDERSTAND = 0xC000;

    private final Path dir;
    private final boolean verbose;

    StowHandler(Path dir, boolean verbose) {
        this.dir = dir;
        this.verbose = verbose;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("POST")) {
                send(ex, 405, null);
                return;
            }
            String boundary = boundary(ex.getRequestHeaders().getFirst("Content-Type"));
            if (boundary == null) {
                send(ex, 415, null);
                return;
            }
            List<String[]> stored = new ArrayList<>();
            List<String[]> failed = new ArrayList<>();
            try (InputStream body = ex.getRequestBody()) {
                MultipartReader parts = new MultipartReader(body, boundary);
                while (parts.nextPart() != null) {
                    receive(parts, stored, failed);
                }
            } catch (IOException e) {
                send(ex, 400, null);
                return;
            }
            int status = failed.isEmpty() ? 200 : stored.isEmpty() ? 409 : 202;
            send(ex, status, StowResponseJson.of(stored, failed, CANNOT_UNDERSTAND));
        }
    }

    private void receive(MultipartReader parts, List<String[]> stored, List<String[]> failed) throws IOException {
        Path tmp = Files.createTempFile(dir, "part", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                parts.copyPart(out);
            }
            FileMetaInformation fmi;
            try (DicomInputStream din = new DicomInputStream(tmp)) {
                fmi = din.readFileMetaInformation();
            } catch (IOException | RuntimeException e) {
                fmi = null;
            }
            String cuid = fmi == null ? null : fmi.mediaStorageSOPClassUID();
            String iuid = fmi == null ? null : fmi.mediaStorageSOPInstanceUID();
            if (iuid == null || iuid.isEmpty() || iuid.contains("/") || iuid.contains("\\")) {
                failed.add(new String[] {cuid, iuid});
                return;
            }
            Files.move(tmp, dir.resolve(iuid + ".dcm"), StandardCopyOption.REPLACE_EXISTING);
            stored.add(new String[] {cuid, iuid});
            if (verbose) {
                System.out.println("stored " + iuid);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The boundary of multipart/related; type="application/dicom", else null. */
    static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] params = contentType.split(";");
        if (!params[0].trim().equalsIgnoreCase("multipart/related")) {
            return null;
        }
        String boundary = null;
        String type = null;
        for (int i = 1; i < params.length; i++) {
            String p = params[i].trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (name.equals("boundary")) {
                boundary = value;
            } else if (name.equals("type")) {
                type = value;
            }
        }
        return boundary != null && (type == null || type.equalsIgnoreCase("application/dicom")) ? boundary : null;
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        if (json == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/dicom+json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

}
