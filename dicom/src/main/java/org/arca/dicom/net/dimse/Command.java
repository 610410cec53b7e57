package org.arca.dicom.net.dimse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A DIMSE command set: the group 0000 elements of one message, always Implicit VR Little
 * Endian (PS3.7 6.3.1). Values are kept as their encoded bytes; the vocabulary is small and
 * fixed, so this is its own tiny codec rather than the general data set parser.
 */
public final class Command {
    /** Command Data Set Type value meaning "no data set follows". */
    public static final int NO_DATA_SET = 0x0101;
    private static final int DATA_SET_PRESENT = 0x0000;

    private final TreeMap<Integer, byte[]> elements = new TreeMap<>(Integer::compareUnsigned);

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    public Command remove(int tag) {
        elements.remove(tag);
        return this;
    }

    /** US/UL value, or {@code dflt} when absent. */
    public int getInt(int tag, int dflt) {
        byte[] v = elements.get(tag);
        if (v == null || v.length < 2) {
            return dflt;
        }
        int x = (v[0] & 0xFF) | ((v[1] & 0xFF) << 8);
        if (v.length >= 4) {
            x |= ((v[2] & 0xFF) << 16) | ((v[3] & 0xFF) << 24);
        }
        return x;
    }

    public Command setInt(int tag, int value) {
        Tag.Kind k = Tag.kind(tag);
        byte[] v = new byte[k == Tag.Kind.UL ? 4 : 2];
        v[0] = (byte) value;
        v[1] = (byte) (value >> 8);
        if (v.length == 4) {
            v[2] = (byte) (value >> 16);
            v[3] = (byte) (value >> 24);
        }
        elements.put(tag, v);
        return this;
    }

    /** Text value with padding removed, or null when absent. */
    public String getString(int tag) {
        byte[] v = elements.get(tag);
        if (v == null) {
            return null;
        }
        int start = 0;
        int end = v.length;
        while (end > 0 && (v[end - 1] == 0 || v[end - 1] == ' ')) {
            end--;
        }
        while (start < end && v[start] == ' ') {
            start++;
        }
        return new String(v, start, end - start, StandardCharsets.US_ASCII);
    }

    public Command setString(int tag, String value) {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        if ((b.length & 1) != 0) {
            // UIDs pad with NUL, text VRs with space (PS3.5 6.2).
            b = Arrays.copyOf(b, b.length + 1);
            b[b.length - 1] = (byte) (Tag.kind(tag) == Tag.Kind.UI ? 0 : ' ');
        }
        elements.put(tag, b);
        return this;
    }

    public byte[] getBytes(int tag) {
        byte[] v = elements.get(tag);
        return v == null ? null : v.clone();
    }

    public Command setBytes(int tag, byte[] value) {
        elements.put(tag, value.clone());
        return this;
    }

    public int commandField() {
        return getInt(Tag.COMMAND_FIELD, -1);
    }

    public int messageID() {
        return getInt(Tag.MESSAGE_ID, -1);
    }

    public int messageIDBeingRespondedTo() {
        return getInt(Tag.MESSAGE_ID_BEING_RESPONDED_TO, -1);
    }

    public int status() {
        return getInt(Tag.STATUS, -1);
    }

    public boolean isResponse() {
        return CommandField.isResponse(commandField());
    }

    public boolean hasDataSet() {
        return getInt(Tag.COMMAND_DATA_SET_TYPE, NO_DATA_SET) != NO_DATA_SET;
    }

    public Command hasDataSet(boolean present) {
        return setInt(Tag.COMMAND_DATA_SET_TYPE, present ? DATA_SET_PRESENT : NO_DATA_SET);
    }

    /** Affected SOP Class UID, falling back to Requested SOP Class UID (N-services). */
    public String sopClassUID() {
        String s = getString(Tag.AFFECTED_SOP_CLASS_UID);
        return s != null ? s : getString(Tag.REQUESTED_SOP_CLASS_UID);
    }

    public String sopInstanceUID() {
        String s = getString(Tag.AFFECTED_SOP_INSTANCE_UID);
        return s != null ? s : getString(Tag.REQUESTED_SOP_INSTANCE_UID);
    }

    /** Encodes with a freshly computed Command Group Length. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        int groupLength = 0;
        for (Map.Entry<Integer, byte[]> e : elements.entrySet()) {
            if (e.getKey() != Tag.COMMAND_GROUP_LENGTH) {
                groupLength += 8 + e.getValue().length;
            }
        }
        writeElement(out, Tag.COMMAND_GROUP_LENGTH, new byte[] {
            (byte) groupLength, (byte) (groupLength >> 8), (byte) (groupLength >> 16), (byte) (groupLength >> 24)});
        for (Map.Entry<Integer, byte[]> e : elements.entrySet()) {
            if (e.getKey() != Tag.COMMAND_GROUP_LENGTH) {
                writeElement(out, e.getKey(), e.getValue());
            }
        }
        return out.toByteArray();
    }

    private static void writeElement(ByteArrayOutputStream out, int tag, byte[] value) {
        int n = value.length;
        out.write(tag >> 16);
        out.write(tag >> 24);
        out.write(tag);
        out.write(tag >> 8);
        out.write(n);
        out.write(n >> 8);
        out.write(n >> 16);
        out.write(n >> 24);
        out.write(value, 0, n);
    }

    /** Decodes a command set; anything outside group 0000 or overrunning the buffer is malformed. */
    public static Command decode(byte[] b, int len) throws MalformedCommandException {
        Command c = new Command();
        int pos = 0;
        while (pos < len) {
            if (len - pos < 8) {
                throw new MalformedCommandException("truncated element header at " + pos);
            }
            int group = u16(b, pos);
            int elem = u16(b, pos + 2);
            long vl = (u16(b, pos + 4) | ((long) u16(b, pos + 6) << 16));
            pos += 8;
            if (group != 0) {
                throw new MalformedCommandException(String.format("element (%04X,%04X) in command set", group, elem));
            }
            if (vl > len - pos) {
                throw new MalformedCommandException(String.format("length %d of (0000,%04X) overruns command", vl, elem));
            }
            c.elements.put(elem, Arrays.copyOfRange(b, pos, pos + (int) vl));
            pos += (int) vl;
        }
        if (c.commandField() < 0) {
            throw new MalformedCommandException("command set without Command Field");
        }
        return c;
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(CommandField.name(commandField())).append('[');
        if (contains(Tag.MESSAGE_ID)) {
            sb.append("id=").append(messageID());
        }
        if (contains(Tag.MESSAGE_ID_BEING_RESPONDED_TO)) {
            sb.append("rspTo=").append(messageIDBeingRespondedTo());
        }
        if (contains(Tag.STATUS)) {
            sb.append(", status=").append(Status.hex(status()));
        }
        String cuid = sopClassUID();
        if (cuid != null) {
            sb.append(", cuid=").append(cuid);
        }
        return sb.append(']').toString();
    }
}
