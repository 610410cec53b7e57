package org.arca.ejb.export.stow;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.FileMetaInformation;
import org.arca.dicom.io.TransferSyntax;
import org.arca.ejb.retrieve.InstanceLocation;
import org.arca.ejb.storage.Storage;

/**
 * One instance as a part of a STOW-RS request: the stored Part 10 object as it is, or, when
 * the receiver does not take its transfer syntax, converted into a temporary file. Both have
 * a known length, so requests need not be chunked.
 */
public final class StowPart implements AutoCloseable {

    /** Opens the part's bytes; called when the request body reaches the part. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    private final String sopClassUID;
    private final String sopInstanceUID;
    private final long length;
    private final Source source;
    private final Path temp;

    private StowPart(String cuid, String iuid, long length, Source source, Path temp) {
        this.sopClassUID = cuid;
        this.sopInstanceUID = iuid;
        this.length = length;
        this.source = source;
        this.temp = temp;
    }

    public static StowPart of(String cuid, String iuid, long length, Source source) {
        return new StowPart(cuid, iuid, length, source, null);
    }

    /**
     * The part for a stored instance in a syntax the receiver takes; null when it would have to
     * be decompressed, which Arca cannot do.
     */
    public static StowPart of(InstanceLocation inst, Storage storage, StowSettings settings) throws IOException {
        String path = inst.location().storagePath();
        String storedTs = inst.location().transferSyntaxUID();
        if (settings.acceptsAsStored(storedTs)) {
            return new StowPart(inst.sopClassUID(), inst.sopInstanceUID(), inst.location().size(),
                    () -> storage.open(path), null);
        }
        if (!TransferSyntax.of(storedTs).uncompressed()) {
            return null;
        }
        Path copy = Files.createTempFile("arca-stow", ".dcm");
        Path converted = Files.createTempFile("arca-stow", ".dcm");
        try {
            try (InputStream in = storage.open(path)) {
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            String target = settings.conversionTarget();
            try (DicomInputStream din = new DicomInputStream(copy);
                 OutputStream out = Files.newOutputStream(converted)) {
                din.setBulkDataThreshold(64 * 1024); // pixel data stays in the copy, streamed
                din.readFileMetaInformation();
                Attributes ds = din.readDataset();
                DicomOutputStream dos = new DicomOutputStream(out);
                dos.writeFile(FileMetaInformation.create(inst.sopClassUID(), inst.sopInstanceUID(), target), ds);
                dos.finish();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(converted);
            throw e;
        } finally {
            Files.deleteIfExists(copy);
        }
        return new StowPart(inst.sopClassUID(), inst.sopInstanceUID(), Files.size(converted),
                () -> Files.newInputStream(converted), converted);
    }

    public String sopClassUID() {
        return sopClassUID;
    }

    public String sopInstanceUID() {
        return sopInstanceUID;
    }

    public long length() {
        return length;
    }

    public InputStream open() throws IOException {
        return source.open();
    }

    @Override
    public void close() throws IOException {
        if (temp != null) {
            Files.deleteIfExists(temp);
        }
    }
}
