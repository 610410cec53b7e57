package org.arca.dicom.dict;

import org.arca.dicom.data.VR;

import java.util.HashMap;
import java.util.Map;

/**
 * TEMPORARY stand-in for the generated dictionary of branch h/dict (same API, a handful of
 * entries); replaced by the real class when that branch is merged.
 */
public final class ElementDictionary {

    private static final Map<Integer, VR> VRS = new HashMap<>();
    private static final Map<Integer, String> KEYWORDS = new HashMap<>();

    static {
        add(0x00020001, VR.OB, "FileMetaInformationVersion");
        add(0x00020002, VR.UI, "MediaStorageSOPClassUID");
        add(0x00020003, VR.UI, "MediaStorageSOPInstanceUID");
        add(0x00020010, VR.UI, "TransferSyntaxUID");
        add(0x00020012, VR.UI, "ImplementationClassUID");
        add(0x00020013, VR.SH, "ImplementationVersionName");
        add(0x00080005, VR.CS, "SpecificCharacterSet");
        add(0x00080016, VR.UI, "SOPClassUID");
        add(0x00080018, VR.UI, "SOPInstanceUID");
        add(0x00080020, VR.DA, "StudyDate");
        add(0x00080030, VR.TM, "StudyTime");
        add(0x00080060, VR.CS, "Modality");
        add(0x00081115, VR.SQ, "ReferencedSeriesSequence");
        add(0x00100010, VR.PN, "PatientName");
        add(0x00100020, VR.LO, "PatientID");
        add(0x0020000D, VR.UI, "StudyInstanceUID");
        add(0x0020000E, VR.UI, "SeriesInstanceUID");
        add(0x00280010, VR.US, "Rows");
        add(0x00280011, VR.US, "Columns");
        add(0x00280100, VR.US, "BitsAllocated");
        add(0x7FE00010, VR.OW, "PixelData");
    }

    private ElementDictionary() {
    }

    private static void add(int tag, VR vr, String keyword) {
        VRS.put(tag, vr);
        KEYWORDS.put(tag, keyword);
    }

    public static VR vrOf(int tag) {
        if ((tag & 0xFFFF) == 0) {
            return VR.UL;
        }
        if ((tag & 0x00010000) != 0 && (tag & 0xFF00) == 0 && (tag & 0xFF) >= 0x10) {
            return VR.LO;
        }
        return VRS.getOrDefault(tag, VR.UN);
    }

    public static String keywordOf(int tag) {
        return KEYWORDS.getOrDefault(tag, "");
    }

    public static int tagOf(String keyword) {
        for (Map.Entry<Integer, String> e : KEYWORDS.entrySet()) {
            if (e.getValue().equals(keyword)) {
                return e.getKey();
            }
        }
        return -1;
    }
}
