package org.arca.ejb.retrieve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.TransferSyntax;
import org.arca.dicom.net.dimse.DataWriter;
import org.arca.ejb.storage.Storage;

/**
 * Produces the data set of a stored object for the wire: the stored bytes after the File
 * Meta Information, untouched, when the peer takes the stored transfer syntax; otherwise
 * converted between the uncompressed syntaxes (pixel data streamed from a temporary copy).
 */
public final class StoredObjectWriter {
    private static final int BULK_DATA_THRESHOLD = 64 * 1024;

    private StoredObjectWriter() {
    }

    public static DataWriter asStored(Storage storage, String path) {
        return out -> {
            try (InputStream in = storage.open(path)) {
                DataSetStart start = new DataSetStart(in);
                start.skipMeta();
                start.transferTo(out);
            }
        };
    }

    public static DataWriter converted(Storage storage, String path, String storedTs, String targetTs) {
        return out -> {
            // bulk data refers into a local file, so values are streamed, not loaded
            Path tmp = Files.createTempFile("arca-retrieve", ".dcm");
            try {
                try (InputStream in = storage.open(path)) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                try (DicomInputStream din = new DicomInputStream(tmp)) {
                    din.setBulkDataThreshold(BULK_DATA_THRESHOLD);
                    din.readFileMetaInformation();
                    Attributes ds = din.readDataset();
                    DicomOutputStream dos = new DicomOutputStream(nonClosing(out));
                    dos.writeDataset(ds, TransferSyntax.of(targetTs));
                    dos.finish();
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        };
    }

    private static OutputStream nonClosing(OutputStream out) {
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

    /** Reads past preamble and group 0002 by their encoded lengths (explicit VR LE). */
    private static final class DataSetStart {
        private final java.io.PushbackInputStream in;

        DataSetStart(InputStream in) {
            this.in = new java.io.PushbackInputStream(new java.io.BufferedInputStream(in, 64 * 1024), 12);
        }

        void skipMeta() throws IOException {
            byte[] pre = in.readNBytes(132);
            if (pre.length < 132 || pre[128] != 'D' || pre[129] != 'I' || pre[130] != 'C' || pre[131] != 'M') {
                throw new IOException("stored object without DICM preamble");
            }
            while (true) {
                byte[] h = in.readNBytes(8);
                if (h.length < 8) {
                    throw new IOException("stored object ends in its meta information");
                }
                int group = (h[0] & 0xFF) | (h[1] & 0xFF) << 8;
                if (group != 2) {
                    in.unread(h);
                    return;
                }
                String vr = new String(h, 4, 2, java.nio.charset.StandardCharsets.US_ASCII);
                long len;
                if (vr.equals("OB") || vr.equals("OW") || vr.equals("UN") || vr.equals("SQ") || vr.equals("UT")
                        || vr.equals("UC") || vr.equals("UR") || vr.equals("OD") || vr.equals("OF")
                        || vr.equals("OL") || vr.equals("OV")) {
                    byte[] l = in.readNBytes(4);
                    len = (l[0] & 0xFFL) | (l[1] & 0xFFL) << 8 | (l[2] & 0xFFL) << 16 | (l[3] & 0xFFL) << 24;
                } else {
                    len = (h[6] & 0xFF) | (h[7] & 0xFF) << 8;
                }
                in.skipNBytes(len);
            }
        }

        void transferTo(OutputStream out) throws IOException {
            in.transferTo(out);
        }
    }
}
