package org.arca.ejb.retrieve;

import java.io.IOException;
import java.util.List;
import org.arca.dicom.io.TransferSyntax;
import org.arca.dicom.net.Association;
import org.arca.dicom.net.dimse.DataWriter;
import org.arca.dicom.net.dimse.Status;
import org.arca.ejb.storage.LocationSelector;
import org.arca.ejb.storage.Storage;
import org.arca.ejb.storage.Storages;

/**
 * Sends one stored instance over an association: in its stored transfer syntax when the
 * peer accepted that, else converted to an uncompressed syntax the peer accepted (compressed
 * objects cannot be converted here, so they fail). Counts the outcome. Public for the
 * dicom: exporter, which sends the same way on its own association.
 */
public final class InstanceSender {
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";
    private static final List<String> UNCOMPRESSED = List.of(EXPLICIT_LE, IMPLICIT_LE, EXPLICIT_BE);

    /** One C-STORE: returns the status the peer answered. */
    @FunctionalInterface
    public interface StoreCall {
        int store(String cuid, String iuid, String tsuid, DataWriter data) throws IOException, InterruptedException;
    }

    private final Storages storages;
    int completed;
    int failed;
    int warning;
    final java.util.List<String> failedUIDs = new java.util.ArrayList<>();

    public InstanceSender(Storages storages) {
        this.storages = storages;
    }

    public void send(Association as, InstanceLocation inst, StoreCall call) throws InterruptedException {
        String storedTs = inst.location().transferSyntaxUID();
        String cuid = inst.sopClassUID();
        int status;
        try {
            LocationSelector.Selected copy = LocationSelector.of(storages).select(inst.sopInstanceUID(), inst.location());
            Storage storage = copy.storage();
            String path = copy.path();
            if (as.presentationContextFor(cuid, storedTs) > 0) {
                status = call.store(cuid, inst.sopInstanceUID(), storedTs, StoredObjectWriter.asStored(storage, path));
            } else {
                String target = uncompressedAccepted(as, cuid);
                if (target == null || !TransferSyntax.of(storedTs).uncompressed()) {
                    status = Status.SOP_CLASS_NOT_SUPPORTED;
                } else {
                    status = call.store(cuid, inst.sopInstanceUID(), target,
                            StoredObjectWriter.converted(storage, path, storedTs, target));
                }
            }
        } catch (IOException e) {
            status = Status.OUT_OF_RESOURCES;
        }
        if (status == Status.SUCCESS) {
            completed++;
        } else if (Status.isWarning(status)) {
            warning++;
        } else {
            failed++;
            failedUIDs.add(inst.sopInstanceUID());
        }
    }

    public int completed() {
        return completed;
    }

    public int failed() {
        return failed;
    }

    public int warning() {
        return warning;
    }

    public java.util.List<String> failedUIDs() {
        return failedUIDs;
    }

    /** The uncompressed syntaxes an instance may be converted to, most preferred first. */
    public static java.util.List<String> uncompressed() {
        return UNCOMPRESSED;
    }

    private static String uncompressedAccepted(Association as, String cuid) {
        for (String ts : UNCOMPRESSED) {
            if (as.presentationContextFor(cuid, ts) > 0) {
                return ts;
            }
        }
        return null;
    }

    /**
     * The final status of a retrieve (PS3.4 C.4.2.3.1, C.4.3.3.1): success when every
     * sub-operation succeeded; A702 when sub-operations failed and none completed;
     * else B000 (sub-operations complete, one or more failures or warnings).
     */
    int finalStatus() {
        return finalStatus(completed, failed, warning);
    }

    static int finalStatus(int completed, int failed, int warning) {
        if (failed == 0 && warning == 0) {
            return Status.SUCCESS;
        }
        return failed > 0 && completed + warning == 0 ? Status.OUT_OF_RESOURCES_SUBOPS : Status.WARNING_SUBOPS_FAILED;
    }

    /** Counts instances never sent (destination unreachable) as failed sub-operations. */
    void failAll(List<InstanceLocation> insts) {
        for (InstanceLocation i : insts) {
            failed++;
            failedUIDs.add(i.sopInstanceUID());
        }
    }
}
