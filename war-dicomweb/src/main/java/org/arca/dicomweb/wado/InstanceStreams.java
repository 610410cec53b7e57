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
    private InstanceStreams() {
    }

    static void write(Storages storages, StoredObject o, String tsuid, OutputStream out) throws IOException {
        LocationSelector.Selected copy = LocationSelector.of(storages).select(o.sopInstanceUID(), o.location());
        Storage storage = copy.storage();
        String path = copy.path();
        if (tsuid.equals(o.location().transferSyntaxUID())) {
            try (InputStream in = storage.open(path)) {
                in.transferTo(out);
            }
            return;
        }
        DicomOutputStream dos = new DicomOutputStream(nonClosing(out));
        dos.writeFileMetaInformation(FileMetaInformation.create(o.sopClassUID(), o.sopInstanceUID(), tsuid));
        dos.flush();
        StoredObjectWriter.converted(storage, path, o.location().transferSyntaxUID(), tsuid).writeTo(out);
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
