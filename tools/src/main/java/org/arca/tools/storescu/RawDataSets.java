package org.arca.tools.storescu;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.arca.dicom.io.TransferSyntax;
import org.arca.dicom.net.dimse.DataWriter;
import org.arca.dicom.net.dimse.PdvOutputStream;

/**
 * Data sets sent as they are in their files. One direct buffer for all files: a fresh large
 * array per file costs page faults, and a direct one takes the file's bytes without the JDK's
 * extra copy; they go from it straight into the PDU buffer. Once a data set is sent, the next
 * file is opened and its first chunk read while the peer is still storing this one, so that
 * its command and first PDUs follow the response at once.
 */
final class RawDataSets implements AutoCloseable {
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
    /** The file whose first chunk the buffer holds (flipped), open at the chunk's end; or null. */
    private InputFile readAhead;
    private FileChannel readAheadChannel;

    /**
     * The data set of {@code f} exactly as in the file; a deflated bit stream of odd length gets
     * the trailing zero byte PS3.5 A.5 asks for (DIMSE data must be of even length). {@code next},
     * if not null, is read ahead once this one is sent.
     */
    DataWriter of(InputFile f, InputFile next) {
        return out -> {
            boolean filled = readAhead == f;
            FileChannel pending = readAheadChannel;
            readAhead = null;
            readAheadChannel = null;
            if (!filled) {
                closeQuietly(pending); // read ahead, then not sent this way
            }
            try (FileChannel ch = filled ? pending : open(f)) {
                long total = 0;
                while (filled || read(ch)) {
                    filled = false;
                    int n = buffer.remaining();
                    if (out instanceof PdvOutputStream pdvs) {
                        pdvs.write(buffer);
                    } else {
                        out.write(bytes(buffer), 0, n);
                    }
                    total += n;
                }
                if ((total & 1) != 0 && TransferSyntax.of(f.transferSyntaxUID()).deflated()) {
                    out.write(0);
                }
            }
            if (next != null && out instanceof PdvOutputStream pdvs) {
                pdvs.close(); // the last fragment goes now, not after the read-ahead
                readAhead(next);
            }
        };
    }

    private static FileChannel open(InputFile f) throws IOException {
        FileChannel ch = FileChannel.open(f.path(), StandardOpenOption.READ);
        ch.position(f.dataSetOffset());
        return ch;
    }

    /** Fills the buffer from {@code ch}; false at the end of the file. */
    private boolean read(FileChannel ch) throws IOException {
        buffer.clear();
        int n = ch.read(buffer);
        buffer.flip();
        return n > 0;
    }

    /** A file that cannot be read now is simply not read ahead: sending it reports the error. */
    private void readAhead(InputFile next) {
        FileChannel ch = null;
        try {
            ch = open(next);
            read(ch);
            readAheadChannel = ch;
            readAhead = next;
        } catch (IOException e) {
            closeQuietly(ch);
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // read only
            }
        }
    }

    /** Closes a file read ahead but not sent (the association ended, or it needs conversion). */
    @Override
    public void close() {
        closeQuietly(readAheadChannel);
        readAhead = null;
        readAheadChannel = null;
    }
}
