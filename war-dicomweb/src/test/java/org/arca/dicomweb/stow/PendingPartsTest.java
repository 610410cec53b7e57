package org.arca.dicomweb.stow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.net.dimse.DicomServiceException;
import org.junit.jupiter.api.Test;

class PendingPartsTest {

    @Test
    void answersInPartOrderWithTheFailureStatusOfEachPart() {
        StowOutcome outcome = new StowOutcome("http://arca/rs");
        PendingParts pending = new PendingParts("DCM4CHEE");
        CompletableFuture<Integer> first = new CompletableFuture<>();
        CompletableFuture<Integer> second = CompletableFuture.failedFuture(new java.util.concurrent.CompletionException(
                new DicomServiceException(0xA700, "Storage fs1: full")));
        CompletableFuture<Integer> third = CompletableFuture.completedFuture(0);
        pending.add(1, "1.2.1", "1.1", new String[] {"1.3", "1.4"}, first, outcome);
        pending.add(2, "1.2.1", "2.1", new String[] {"1.3", "1.4"}, second, outcome);
        pending.add(3, "1.2.1", "3.1", new String[] {"1.3", "1.4"}, third, outcome);
        assertTrue(outcome.nothingStored(), "nothing answered before the window is full");
        first.complete(0);
        pending.answerAll(outcome);
        assertFalse(outcome.nothingStored());
        assertEquals(202, outcome.status());
        Attributes rsp = outcome.response(null);
        Sequence ok = rsp.getSequence(Tag.ReferencedSOPSequence);
        assertEquals("1.1", ok.get(0).getString(Tag.ReferencedSOPInstanceUID));
        assertEquals("3.1", ok.get(1).getString(Tag.ReferencedSOPInstanceUID));
        assertEquals(0xA700, rsp.getSequence(Tag.FailedSOPSequence).get(0).getInt(Tag.FailureReason, 0));
    }

    @Test
    void waitsForTheOldestOnceTheWindowIsFull() {
        StowOutcome outcome = new StowOutcome("http://arca/rs");
        PendingParts pending = new PendingParts("DCM4CHEE");
        for (int i = 1; i <= PendingParts.IN_FLIGHT + 1; i++) {
            pending.add(i, "1.2.1", "1." + i, new String[] {"1.3", "1.4"}, CompletableFuture.completedFuture(0), outcome);
        }
        assertFalse(outcome.nothingStored(), "the oldest was answered to make room");
    }
}
