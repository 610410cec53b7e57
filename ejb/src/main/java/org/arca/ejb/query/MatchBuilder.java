package org.arca.ejb.query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.TransferSyntax;
import org.arca.ejb.index.Level;
import org.arca.ejb.index.StoredAttributes;

/**
 * Builds one C-FIND response identifier: every key of the request, with the value stored at
 * its level (or empty), plus the values the archive computes (counts, modalities in study,
 * retrieve AE title, availability). Values are copied as stored; when the levels were stored
 * in different character sets, text is re-encoded in UTF-8 (ISO_IR 192).
 */
final class MatchBuilder {
    private final Attributes keys;
    private final Level level;
    private final String retrieveAET;
    private final TransferSyntax ts;
    private final boolean allAttributes;

    MatchBuilder(Attributes keys, Level level, String retrieveAET, TransferSyntax ts) {
        this(keys, level, retrieveAET, ts, false);
    }

    /** With {@code allAttributes}, every stored attribute of the levels is returned, not only the keys. */
    MatchBuilder(Attributes keys, Level level, String retrieveAET, TransferSyntax ts, boolean allAttributes) {
        this.allAttributes = allAttributes;
        this.keys = keys;
        this.level = level;
        this.retrieveAET = retrieveAET;
        this.ts = ts;
    }

    byte[] build(ResultSet rs) throws SQLException, IOException {
        List<Attributes> levels = new ArrayList<>();
        Attributes computed = new Attributes(false);
        int col = 1;
        levels.add(StoredAttributes.decode(rs.getBytes(col++)));
        computed.setInt(Tag.NumberOfPatientRelatedStudies, VR.IS, rs.getInt(col++));
        if (level.ordinal() >= Level.STUDY.ordinal()) {
            levels.add(StoredAttributes.decode(rs.getBytes(col++)));
            computed.setInt(Tag.NumberOfStudyRelatedSeries, VR.IS, rs.getInt(col++));
            computed.setInt(Tag.NumberOfStudyRelatedInstances, VR.IS, rs.getInt(col++));
            String mods = rs.getString(col++);
            String[] m = Arrays.stream(mods.split("\\\\")).filter(s -> !s.isEmpty()).toArray(String[]::new);
            computed.setString(Tag.ModalitiesInStudy, VR.CS, m);
        }
        if (level.ordinal() >= Level.SERIES.ordinal()) {
            levels.add(StoredAttributes.decode(rs.getBytes(col++)));
            computed.setInt(Tag.NumberOfSeriesRelatedInstances, VR.IS, rs.getInt(col++));
        }
        if (level == Level.IMAGE) {
            levels.add(StoredAttributes.decode(rs.getBytes(col++)));
            computed.setString(Tag.SOPInstanceUID, VR.UI, rs.getString(col++));
            computed.setString(Tag.SOPClassUID, VR.UI, rs.getString(col));
        }
        computed.setString(Tag.QueryRetrieveLevel, VR.CS, level.name());
        computed.setString(Tag.RetrieveAETitle, VR.AE, retrieveAET);
        computed.setString(Tag.InstanceAvailability, VR.CS, "ONLINE");
        return encode(response(levels, computed));
    }

    private Attributes response(List<Attributes> levels, Attributes computed) {
        String charset = commonCharset(levels);
        boolean reencode = charset == null;
        Attributes rsp = new Attributes(false);
        if (reencode) {
            rsp.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        } else if (!charset.isEmpty()) {
            rsp.setString(Tag.SpecificCharacterSet, VR.CS, charset.split("\\\\"));
        }
        if (allAttributes) {
            for (Attributes level : levels) {
                for (int i = 0; i < level.size(); i++) {
                    int tag = level.tagAt(i);
                    if (tag != Tag.SpecificCharacterSet && !keys.contains(tag)) {
                        copy(level, tag, reencode, rsp);
                    }
                }
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            if (tag == Tag.SpecificCharacterSet) {
                continue;
            }
            Attributes src = computed.contains(tag) ? computed : holder(levels, tag);
            if (src == null) {
                rsp.setValue(tag, keys.vrAt(i), null);
            } else {
                copy(src, tag, reencode, rsp);
            }
        }
        return rsp;
    }

    private static void copy(Attributes src, int tag, boolean reencode, Attributes rsp) {
        if (reencode && src.vrOf(tag).isText() && src.vrOf(tag).usesCharacterSet()) {
            rsp.setString(tag, src.vrOf(tag), src.getStrings(tag));
        } else {
            StoredAttributes.copyValue(src.getValue(tag), src.vrOf(tag), tag, rsp);
        }
    }

    private static Attributes holder(List<Attributes> levels, int tag) {
        for (Attributes a : levels) {
            if (a.contains(tag)) {
                return a;
            }
        }
        return null;
    }

    /** The (0008,0005) all levels share ("" for the default repertoire), or null if they differ. */
    private static String commonCharset(List<Attributes> levels) {
        String common = null;
        for (Attributes a : levels) {
            String cs = String.join("\\", a.getStrings(Tag.SpecificCharacterSet));
            if (common != null && !common.equals(cs)) {
                return null;
            }
            common = cs;
        }
        return common == null ? "" : common;
    }

    private byte[] encode(Attributes rsp) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DicomOutputStream out = new DicomOutputStream(bytes)) {
            out.writeDataset(rsp, ts);
        }
        return bytes.toByteArray();
    }
}
