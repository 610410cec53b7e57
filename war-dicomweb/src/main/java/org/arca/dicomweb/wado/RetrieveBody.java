package org.arca.dicomweb.wado;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.arca.dicomweb.multipart.MultipartWriter;
import org.arca.ejb.storage.FileSystemStorage;
import org.arca.ejb.storage.LocationSelector;
import org.arca.ejb.storage.Storages;
import org.arca.ejb.web.StoredObject;

/**
 * The body of a WADO-RS retrieve: multipart/related, one application/dicom part per instance,
 * streamed. When every instance goes out as stored from a file system storage, the length of
 * the whole body is known before its first byte (part headers and file sizes), so it goes with
 * a Content-Length (no chunk framing) and each file by {@link SendFile} (sendfile: from
 * the page cache to the socket, the bytes never pass through the JVM). Otherwise each object is
 * streamed from its storage (S3, converted syntaxes) in large pieces, chunked.
 */
final class RetrieveBody implements StreamingOutput {

    /** One instance: its part header, and its file when it is sent as stored from a file. */
    private record Part(StoredObject object, String tsuid, byte[] delimiter, Path file, long size) {
    }

    private final Storages storages;
    private final List<Part> parts;
    private final byte[] close;
    private final long contentLength;

    private RetrieveBody(Storages storages, List<Part> parts, byte[] close, long contentLength) {
        this.storages = storages;
        this.parts = parts;
        this.close = close;
        this.contentLength = contentLength;
    }

    /**
     * Plans the parts: copies on file system storages are selected now (a stat each, so the
     * length is known), others when their turn comes (an S3 HEAD per object would delay the
     * first byte).
     */
    static RetrieveBody of(Storages storages, List<StoredObject> objects, List<String> tsuids, String boundary,
                           Function<StoredObject, String> contentLocation)
            throws IOException {
        List<Part> parts = new ArrayList<>(objects.size());
        byte[] close = MultipartWriter.closeDelimiter(boundary);
        long length = close.length;
        for (int i = 0; i < objects.size(); i++) {
            StoredObject o = objects.get(i);
            String ts = tsuids.get(i);
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Content-Type", "application/dicom; transfer-syntax=" + ts);
            h.put("Content-Location", contentLocation.apply(o));
            byte[] delimiter = MultipartWriter.delimiter(boundary, h);
            Path file = null;
            long size = -1;
            if (ts.equals(o.location().transferSyntaxUID()) && onFileSystem(storages, o)) {
                LocationSelector.Selected copy = LocationSelector.of(storages).select(o.sopInstanceUID(), o.location());
                if (copy.storage() instanceof FileSystemStorage fs) {
                    file = fs.resolve(copy.path());
                    size = Files.size(file);
                }
            }
            parts.add(new Part(o, ts, delimiter, file, size));
            length = length < 0 || file == null ? -1 : length + delimiter.length + size;
        }
        return new RetrieveBody(storages, parts, close, length);
    }

    private static boolean onFileSystem(Storages storages, StoredObject o) {
        try {
            return storages.storageById(o.location().storageId()) instanceof FileSystemStorage;
        } catch (IOException e) { // not configured: the selector looks for another copy later
            return false;
        }
    }

    /** The length of the body, or -1 when it is only known at its end. */
    long contentLength() {
        return contentLength;
    }

    @Override
    public void write(OutputStream jaxrs) throws IOException {
        OutputStream out = jaxrs;
        OutputStream raw = SendFile.responseStream();
        if (raw != null) { // the container's own stream, past the JAX-RS wrappers
            jaxrs.write(new byte[0]); // has the JAX-RS layer put its headers on the response first
            out = raw;
        }
        SendFile files = new SendFile(contentLength >= 0);
        for (Part p : parts) {
            out.write(p.delimiter());
            if (p.file() != null) {
                try (FileChannel ch = FileChannel.open(p.file(), StandardOpenOption.READ)) {
                    if (ch.size() != p.size()) { // replaced since it was planned: the length would lie
                        throw new IOException("stored object " + p.file() + " changed size during the retrieve");
                    }
                    files.send(ch, out);
                }
            } else {
                InstanceStreams.write(storages, p.object(), p.tsuid(), out, files.heap());
            }
        }
        out.write(close);
        out.flush();
    }
}
