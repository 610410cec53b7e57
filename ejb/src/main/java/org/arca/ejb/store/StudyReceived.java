package org.arca.ejb.store;

import java.time.Instant;

/**
 * CDI event: no instance of the study arrived for the device's dcmStudyReceivedDelay (as
 * DCMTK storescp's end-of-study with -tos). Fired once per study and burst of instances, after
 * its database mark committed; a study receiving more instances later fires again then.
 *
 * @param studyInstanceUID the study
 * @param lastReceived     when its latest instance was indexed
 * @param sourceAET        the calling AE title of its latest series (null if unknown)
 */
public record StudyReceived(String studyInstanceUID, Instant lastReceived, String sourceAET) {
}
