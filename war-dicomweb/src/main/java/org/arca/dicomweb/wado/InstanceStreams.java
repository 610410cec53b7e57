package org.arca.dicomweb.wado;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.FileMetaInformation;
import org.arca.ejb.retrieve.StoredObjectWriter;
import org.arca.ejb.storage.LocationSelector;
import org.arca.ejb.storage.Storage;
import org.arca.ejb.storage.Storages;
import org.arca.ejb.web.StoredObject;

/** Writes one stored instance as a DICOM file: the stored bytes untouched, or converted. */
final class InstanceStreams {
    static final int PIECE = 256 * 1024;

    private InstanceStreams() {
    }

    static void write(Storages storages, StoredObject o, String tsuid, OutputStream out) throws IOException {
        write(storages, o, tsuid, out, null);
    }

    /** @param buffer for the copy of stored bytes (one per response), or null */
    static void write(Storages storages, StoredObject o, String tsuid, OutputStream out, byte[] buffer)
            throws IOException {
        LocationSelector.Selected copy = LocationSelector.of(storages).select(o.sopInstanceUID(), o.location());
        Storage storage = copy.storage();
        String path = copy.path();
        if (tsuid.equals(o.location().transferSyntaxUID())) {
            try (InputStream in = storage.open(path)) {
                copy(in, out, buffer == null ? new byte[PIECE] : buffer);
            }
            return;
        }
        DicomOutputStream dos = new DicomOutputStream(nonClosing(out));
        dos.writeFileMetaInformation(FileMetaInformation.create(o.sopClassUID(), o.sopInstanceUID(), tsuid));
        dos.flush();
        StoredObjectWriter.converted(storage, path, o.location().transferSyntaxUID(), tsuid).writeTo(out);
    }

    /** Larger pieces than InputStream.transferTo's 8 KB: fewer writes, and an S3 body read ahead. */
    private static void copy(InputStream in, OutputStream out, byte[] buf) throws IOException {
        int n;
        while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
            out.write(buf, 0, n);
        }
    }

    static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
