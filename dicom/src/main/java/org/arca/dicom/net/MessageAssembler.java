package org.arca.dicom.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.arca.dicom.net.dimse.BufferPool;
import org.arca.dicom.net.dimse.Command;
import org.arca.dicom.net.dimse.CommandField;
import org.arca.dicom.net.dimse.PdvInputStream;
import org.arca.dicom.net.pdu.AAbort;
import org.arca.dicom.net.pdu.PDataTF;
import org.arca.dicom.net.pdu.PduException;
import org.arca.dicom.net.pdu.PduInput;

/**
 * Turns PDVs back into DIMSE messages on the reader thread. Command fragments are collected
 * and decoded; a C-STORE data set is streamed to its handler through a {@link PdvInputStream}
 * as fragments arrive, other (small) data sets are collected and delivered whole.
 */
final class MessageAssembler implements PDataTF.PdvHandler {
    private static final int MAX_COMMAND_LENGTH = 1 << 16;

    private final Association as;
    private byte[] cmdBuf = new byte[512];
    private int cmdLen;
    private int cmdPcid = -1;
    private Command dataCommand;
    private int dataPcid = -1;
    private PdvInputStream pipe;
    private ByteArrayOutputStream bytes;
    /** Created with the first C-STORE (options are not set yet when this is constructed). */
    private BufferPool buffers;

    MessageAssembler(Association as) {
        this.as = as;
    }

    @Override
    public void onPdv(int pcid, int mch, int len, PduInput in) throws IOException {
        if (as.transferSyntax(pcid) == null) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE,
                    "PDV on presentation context " + pcid + " which was not accepted");
        }
        boolean last = (mch & PDataTF.LAST) != 0;
        if ((mch & PDataTF.COMMAND) != 0) {
            onCommandFragment(pcid, len, last, in);
        } else {
            onDataFragment(pcid, len, last, in);
        }
    }

    private void onCommandFragment(int pcid, int len, boolean last, PduInput in) throws IOException {
        if (dataCommand != null) {
            throw new PduException(AAbort.UNEXPECTED_PDU_PARAMETER, "command fragment inside a data set");
        }
        if (cmdLen > 0 && pcid != cmdPcid) {
            throw new PduException(AAbort.UNEXPECTED_PDU_PARAMETER, "command fragments on two presentation contexts");
        }
        if (cmdLen + len > MAX_COMMAND_LENGTH) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "command set longer than 64 KiB");
        }
        if (cmdLen + len > cmdBuf.length) {
            cmdBuf = Arrays.copyOf(cmdBuf, Math.max(cmdBuf.length * 2, cmdLen + len));
        }
        in.readFully(cmdBuf, cmdLen, len);
        cmdLen += len;
        cmdPcid = pcid;
        if (!last) {
            return;
        }
        Command cmd = Command.decode(cmdBuf, cmdLen);
        cmdLen = 0;
        if (!cmd.hasDataSet()) {
            as.onMessage(pcid, cmd, null);
            return;
        }
        dataCommand = cmd;
        dataPcid = pcid;
        if (cmd.commandField() == CommandField.C_STORE_RQ) {
            if (buffers == null) {
                // direct buffers when the kernel can fill them (plain TCP), else a full receive
                // queue plus what the handler holds, on the heap
                buffers = as.in.readsDirect() ? BufferPool.sharedDirect()
                        : new BufferPool(as.options().receiveQueueFragments() + 4);
            }
            pipe = new PdvInputStream(as.options().receiveQueueFragments(), buffers);
            as.onStoreRequest(pcid, cmd, pipe);
        } else {
            bytes = new ByteArrayOutputStream();
        }
    }

    private void onDataFragment(int pcid, int len, boolean last, PduInput in) throws IOException {
        if (dataCommand == null || pcid != dataPcid) {
            throw new PduException(AAbort.UNEXPECTED_PDU_PARAMETER,
                    "data fragment on context " + pcid + " without a command announcing it");
        }
        if (pipe != null) {
            ByteBuffer fragment = buffers.take(len);
            in.readFully(fragment);
            pipe.push(fragment.flip(), last);
        } else {
            byte[] fragment = new byte[len];
            in.readFully(fragment, 0, len);
            bytes.write(fragment, 0, len);
        }
        if (last) {
            Command cmd = dataCommand;
            byte[] data = bytes == null ? null : bytes.toByteArray();
            dataCommand = null;
            pipe = null;
            bytes = null;
            if (data != null) {
                as.onMessage(pcid, cmd, data);
            }
        }
    }

    /** The association died: a handler still reading a data set must see an error, not EOF. */
    void fail(IOException cause) {
        PdvInputStream p = pipe;
        if (p != null) {
            p.fail(cause);
        }
    }
}
