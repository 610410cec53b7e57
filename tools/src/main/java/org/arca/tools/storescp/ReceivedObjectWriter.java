package org.arca.tools.storescp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.FileMetaInformation;
import org.arca.dicom.io.TransferSyntax;
import org.arca.dicom.net.Association;
import org.arca.dicom.net.dimse.DicomServiceException;
import org.arca.dicom.net.dimse.Handlers;
import org.arca.dicom.net.dimse.PdvInputStream;
import org.arca.dicom.net.dimse.Status;
import org.arca.dicom.net.dimse.StoreRequest;
import org.arca.tools.common.Log;

/**
 * storescp's C-STORE handler. The data set streams, behind our File Meta Information, into a
 * hidden temporary file in the output directory; only when it is complete (and converted to
 * the output transfer syntax, if one was asked for) is it renamed to its final name, in its
 * study folder when sorting. The data set is never held in memory.
 */
final class ReceivedObjectWriter implements Handlers.StoreHandler {
    private static final long BULK_THRESHOLD = 64 * 1024;

    private final StoreScpOptions options;
    private final FileNamer namer;
    private final StudySorter sorter;
    private final CommandRunner runner;
    private final Log log;

    ReceivedObjectWriter(StoreScpOptions options, StudySorter sorter, CommandRunner runner) {
        this.options = options;
        this.namer = new FileNamer(options.naming, options.extension);
        this.sorter = sorter;
        this.runner = runner;
        this.log = options.log;
    }

    @Override
    public int onStore(StoreRequest rq, InputStream data) throws Exception {
        Association as = rq.association();
        String cuid = rq.sopClassUID();
        String iuid = rq.sopInstanceUID();
        if (log.isInfo()) {
            log.info("Received Store Request: MsgID " + rq.messageID() + ", (" + ModalityPrefixes.of(cuid) + ") " + iuid);
        }
        if (options.ignore) {
            data.transferTo(OutputStream.nullOutputStream());
            execOnReception(as, "", "");
            return Status.SUCCESS;
        }
        Path tmp = null;
        try {
            FileChannel ch = null;
            while (ch == null) {
                tmp = options.outputDir.resolve(PartFileNames.next());
                try {
                    ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    tmp = null; // left by an earlier process with the same id: take the next number
                }
            }
            receive(ch, as.callingAET(), cuid, iuid, rq.transferSyntax(), data);
            // the clock (time zone rules, interpreted at first) only when a name or folder shows it
            LocalDateTime now = sorter.sorting() || namer.showsTime() ? LocalDateTime.now() : null;
            Path dir = options.outputDir;
            if (sorter.sorting()) {
                Attributes header = readHeader(tmp);
                String study = header.getString(Tag.StudyInstanceUID);
                if (study == null || study.isEmpty()) {
                    throw new DicomServiceException(Status.UNABLE_TO_PROCESS, "no Study Instance UID: cannot sort");
                }
                dir = sorter.directoryFor(study, header.getString(Tag.PatientName), now, context(as, null, null));
                Files.createDirectories(dir);
            }
            if (!options.bitPreserving && options.writeTransferSyntax != null
                    && !options.writeTransferSyntax.equals(rq.transferSyntax())) {
                tmp = convert(tmp, options.writeTransferSyntax);
            }
            String name = namer.name(cuid, iuid, now);
            Path target = dir.resolve(name);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null; // renamed: nothing to delete (no stat per object)
            if (log.isInfo()) {
                log.info("stored DICOM file: " + target);
            }
            execOnReception(as, dir.toString(), name);
            return Status.SUCCESS;
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Our meta information (with the calling AE as Source AE Title, as DCMTK writes), then the
     * bytes as they come. From the network's fragments straight into the FileChannel, all that
     * has arrived in one gathering write: with a plain connection the kernel filled those
     * buffers, so the data set is never copied in Java (a stream copy per object, or
     * FileOutputStream's malloc for writes over 8 KB, showed in the receive profile).
     */
    private static void receive(FileChannel file, String callingAET, String cuid, String iuid, String tsuid,
                                InputStream data) throws IOException {
        FileMetaInformation fmi = FileMetaInformation.create(cuid, iuid, tsuid);
        fmi.attributes().setString(Tag.SourceApplicationEntityTitle, VR.AE, callingAET);
        fmi.updateGroupLength();
        ByteArrayOutputStream meta = new ByteArrayOutputStream(256);
        try (DicomOutputStream dos = new DicomOutputStream(meta)) {
            dos.writeFileMetaInformation(fmi);
        }
        ByteBuffer metaBytes = ByteBuffer.wrap(meta.toByteArray());
        try (FileChannel ch = file) {
            if (data instanceof PdvInputStream pdvs) {
                pdvs.transferTo(ch, metaBytes); // the meta information goes out with the first data
            } else {
                writeFully(ch, metaBytes);
                data.transferTo(Channels.newOutputStream(ch));
            }
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static Attributes readHeader(Path file) throws DicomServiceException {
        try (DicomInputStream in = new DicomInputStream(file)) {
            in.setBulkDataThreshold(BULK_THRESHOLD);
            return in.readDataset(Tag.PixelData);
        } catch (IOException e) {
            throw new DicomServiceException(Status.UNABLE_TO_PROCESS, "cannot parse data set: " + e.getMessage(), e);
        }
    }

    /** Rewrites an uncompressed data set in another uncompressed syntax; large values stay in the file. */
    private Path convert(Path received, String tsuid) throws IOException {
        Path out = received.resolveSibling(received.getFileName() + ".conv");
        try (DicomInputStream in = new DicomInputStream(received)) {
            in.setBulkDataThreshold(BULK_THRESHOLD);
            FileMetaInformation fmi = in.readFileMetaInformation();
            if (in.transferSyntax().encapsulated()) {
                log.warn("cannot write " + in.transferSyntax() + " as " + tsuid + ": kept as received");
                return received;
            }
            Attributes ds = in.readDataset();
            fmi.setTransferSyntaxUID(tsuid);
            try (DicomOutputStream dos = new DicomOutputStream(Files.newOutputStream(out))) {
                dos.writeFileMetaInformation(fmi);
                dos.writeDataset(ds, TransferSyntax.of(tsuid));
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(out);
            throw e;
        }
        Files.delete(received);
        return out;
    }

    private void execOnReception(Association as, String dir, String file) {
        if (options.execOnReception != null) {
            runner.run(options.execOnReception, context(as, dir, file));
        }
    }

    /** Placeholder values; the host name is looked up only when a command needs it. */
    private CommandRunner.Context context(Association as, String dir, String file) {
        boolean commands = options.execOnReception != null || options.execOnEndOfStudy != null;
        return new CommandRunner.Context(dir, file, as.callingAET(), as.calledAET(),
                commands ? hostOf(as.remoteAddress()) : "");
    }

    private static String hostOf(SocketAddress a) {
        return a instanceof InetSocketAddress isa && isa.getAddress() != null
                ? isa.getAddress().getHostName() : String.valueOf(a);
    }
}
