package org.arca.dicomweb.stow;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Fragments;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.dict.UID;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.TransferSyntax;
import org.arca.dicom.json.BulkDataResolver;
import org.arca.dicom.json.DicomJsonReader;
import org.arca.dicom.net.dimse.Status;
import org.arca.dicom.xml.DicomXmlReader;
import org.arca.dicomweb.multipart.ContentType;
import org.arca.dicomweb.multipart.Part;

/**
 * STOW-RS of metadata and bulk data (PS3.18 10.5.1.2.2): parts of application/dicom+json
 * (an array of data sets) or application/dicom+xml (one data set) whose BulkDataURIs name the
 * Content-Location of other parts in the same request. Bulk data parts are spooled to
 * temporary files as they arrive (they may come before or after their metadata); once the
 * body has been read every data set is resolved, encoded (Explicit VR Little Endian, or the
 * transfer syntax of a compressed pixel data part, encapsulated as one fragment) and stored
 * through the same store as application/dicom parts. Each data set is answered on its own.
 */
final class MetadataParts implements Closeable {
    private static final Map<String, String> IMAGE_TYPES = Map.of("image/jpeg", UID.JPEGBaseline8Bit,
            "image/jls", "1.2.840.10008.1.2.4.80", "image/jp2", "1.2.840.10008.1.2.4.90",
            "image/dicom-rle", "1.2.840.10008.1.2.5");

    private record Metadata(int part, ContentType type, byte[] content) {
    }

    private record Bulk(Path file, long length, String tsuid) {
    }

    private final Stow stow;
    private final String studyUID;
    private final StowOutcome outcome;
    private final List<Metadata> metadata = new ArrayList<>();
    private final Map<String, Bulk> bulk = new HashMap<>();

    MetadataParts(Stow stow, String studyUID, StowOutcome outcome) {
        this.stow = stow;
        this.studyUID = studyUID;
        this.outcome = outcome;
    }

    static boolean isMetadata(ContentType ct) {
        return ct != null && (ct.is("application/dicom+json") || ct.is("application/dicom+xml"));
    }

    void read(Part part, String defaultType) throws IOException {
        ContentType ct = part.contentType(defaultType);
        if (isMetadata(ct)) {
            metadata.add(new Metadata(part.number(), ct, part.body().readAllBytes()));
            return;
        }
        String location = part.headers().get("content-location");
        if (location == null || location.isBlank()) {
            part.body().transferTo(OutputStream.nullOutputStream());
            outcome.error("part " + part.number() + " (" + ct.mediaType() + ") has no Content-Location: no"
                    + " BulkDataURI can refer to it");
            return;
        }
        String tsuid = ct.parameter("transfer-syntax");
        if (tsuid == null) {
            tsuid = IMAGE_TYPES.get(ct.mediaType());
        }
        Path file = Files.createTempFile("stow-bulk", ".bin");
        long length;
        try (OutputStream out = Files.newOutputStream(file)) {
            length = part.body().transferTo(out);
            if (tsuid != null && length % 2 == 1) {
                out.write(0); // a fragment has an even length (PS3.5 A.4)
                length++;
            }
        }
        Bulk old = bulk.put(location.trim(), new Bulk(file, length, tsuid));
        if (old != null) {
            Files.deleteIfExists(old.file());
        }
    }

    /** Resolves and stores every data set read so far. */
    void storeAll() throws IOException {
        for (Metadata m : metadata) {
            List<String> missing = new ArrayList<>();
            String[] tsuid = {null};
            BulkDataResolver resolver = (path, vr, uri) -> {
                Bulk b = bulk.get(uri);
                if (b == null) {
                    missing.add(uri);
                    return new byte[0];
                }
                BulkData value = new BulkData(b.file().toUri(), 0, b.length(), false);
                if (b.tsuid() != null && path.depth() == 0 && path.tag() == Tag.PixelData) {
                    tsuid[0] = b.tsuid();
                    Fragments f = new Fragments(Tag.PixelData, VR.OB);
                    f.add(new byte[0]);
                    f.add(value);
                    return f;
                }
                return value;
            };
            try {
                if (m.type().is("application/dicom+json")) {
                    new DicomJsonReader(new ByteArrayInputStream(m.content())).setBulkDataResolver(resolver)
                            .readDatasets(ds -> {
                                store(m.part(), ds, missing, tsuid[0]);
                                missing.clear();
                                tsuid[0] = null;
                            });
                } else {
                    store(m.part(), new DicomXmlReader(new ByteArrayInputStream(m.content()))
                            .setBulkDataResolver(resolver).readDataset(), missing, tsuid[0]);
                }
            } catch (IOException | RuntimeException e) {
                outcome.failed(m.part(), null, null, Status.UNABLE_TO_PROCESS,
                        m.type().mediaType() + " unreadable: " + e.getMessage());
            }
        }
        metadata.clear();
    }

    private void store(int part, Attributes ds, List<String> missing, String compressed) throws IOException {
        String cuid = ds.getString(Tag.SOPClassUID);
        String iuid = ds.getString(Tag.SOPInstanceUID);
        if (cuid == null || iuid == null) {
            outcome.failed(part, cuid, iuid, Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                    "a data set without SOP Class UID or SOP Instance UID");
            return;
        }
        if (!missing.isEmpty()) {
            outcome.failed(part, cuid, iuid, Status.UNABLE_TO_PROCESS, "instance " + iuid + ": BulkDataURI "
                    + missing + " names no part's Content-Location in the request");
            return;
        }
        String tsuid = compressed != null ? compressed : UID.ExplicitVRLittleEndian;
        Path encoded = Files.createTempFile("stow-dataset", ".dcm");
        try {
            try (DicomOutputStream dos = new DicomOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(encoded), 65536))) {
                dos.writeDataset(ds, TransferSyntax.of(tsuid));
            }
            try (InputStream in = Files.newInputStream(encoded)) {
                stow.storeDataset(part, studyUID, cuid, iuid, tsuid, in, outcome);
            }
        } finally {
            Files.deleteIfExists(encoded);
        }
    }

    @Override
    public void close() throws IOException {
        for (Bulk b : bulk.values()) {
            Files.deleteIfExists(b.file());
        }
        bulk.clear();
    }
}
