package org.arca.dicomweb.stow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;

/**
 * What a STOW-RS request did, part by part, and the response data set it makes (PS3.18
 * 10.5.3): Retrieve URL of the study, Failed SOP Sequence with Failure Reason, Referenced SOP
 * Sequence with each instance's Retrieve URL; and the messages for the Warning header.
 */
final class StowOutcome {
    private record Stored(String cuid, String iuid, String studyUID, String seriesUID) {
    }

    private record Failed(String cuid, String iuid, int reason, boolean unsupportedType) {
    }

    private final String baseUrl;
    private final List<Stored> stored = new ArrayList<>();
    private final List<Failed> failed = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();

    StowOutcome(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    void stored(String cuid, String iuid, String studyUID, String seriesUID) {
        stored.add(new Stored(cuid, iuid, studyUID, seriesUID));
    }

    void failed(int part, String cuid, String iuid, int reason, String message) {
        failed.add(new Failed(cuid, iuid, reason, false));
        messages.add("part " + part + ": " + message);
    }

    void unsupportedType(int part, String type) {
        failed.add(new Failed(null, null, 0xC000, true));
        messages.add("part " + part + ": media type " + type + " is not supported (only application/dicom)");
    }

    void error(String message) {
        messages.add(message);
    }

    boolean nothingStored() {
        return stored.isEmpty();
    }

    List<String> messages() {
        return messages;
    }

    /** 200 all stored, 202 some failed, 409 none stored, 415 when every part had an unsupported type. */
    int status() {
        if (failed.isEmpty()) {
            return 200;
        }
        if (!stored.isEmpty()) {
            return 202;
        }
        return failed.stream().allMatch(Failed::unsupportedType) ? 415 : 409;
    }

    Attributes response(String pathStudyUID) {
        Attributes rsp = new Attributes(false);
        Set<String> studies = new LinkedHashSet<>();
        stored.forEach(s -> studies.add(s.studyUID()));
        String study = pathStudyUID != null ? pathStudyUID : studies.size() == 1 ? studies.iterator().next() : null;
        if (study != null && !stored.isEmpty()) {
            rsp.setString(Tag.RetrieveURL, VR.UR, baseUrl + "/studies/" + study);
        }
        if (!failed.isEmpty()) {
            Sequence seq = rsp.newSequence(Tag.FailedSOPSequence);
            for (Failed f : failed) {
                Attributes item = seq.addItem();
                if (f.cuid() != null) {
                    item.setString(Tag.ReferencedSOPClassUID, VR.UI, f.cuid());
                    item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, f.iuid());
                }
                item.setInt(Tag.FailureReason, VR.US, f.reason());
            }
        }
        if (!stored.isEmpty()) {
            Sequence seq = rsp.newSequence(Tag.ReferencedSOPSequence);
            for (Stored s : stored) {
                Attributes item = seq.addItem();
                item.setString(Tag.ReferencedSOPClassUID, VR.UI, s.cuid());
                item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, s.iuid());
                item.setString(Tag.RetrieveURL, VR.UR, baseUrl + "/studies/" + s.studyUID() + "/series/"
                        + s.seriesUID() + "/instances/" + s.iuid());
            }
        }
        return rsp;
    }
}
