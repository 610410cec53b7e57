package org.arca.dicomweb.qido;

import static org.arca.dicom.dict.Tag.*;

import org.arca.ejb.index.Level;

/**
 * The QIDO-RS resources and the attributes each returns by default (PS3.18 Table 10.6.3-3..5):
 * a search for series or instances that is not inside a study also returns the study's
 * attributes, one not inside a series the series' attributes.
 */
enum QidoLevel {
    STUDY(Level.STUDY, StudyDate, StudyTime, AccessionNumber, InstanceAvailability, ModalitiesInStudy,
            ReferringPhysicianName, TimezoneOffsetFromUTC, PatientName, PatientID, PatientBirthDate, PatientSex,
            StudyInstanceUID, StudyID, NumberOfStudyRelatedSeries, NumberOfStudyRelatedInstances),
    SERIES(Level.SERIES, Modality, TimezoneOffsetFromUTC, SeriesDescription, SeriesInstanceUID, SeriesNumber,
            NumberOfSeriesRelatedInstances, PerformedProcedureStepStartDate, PerformedProcedureStepStartTime,
            RequestAttributesSequence),
    INSTANCE(Level.IMAGE, SOPClassUID, SOPInstanceUID, InstanceAvailability, TimezoneOffsetFromUTC, InstanceNumber,
            Rows, Columns, BitsAllocated, NumberOfFrames);

    final Level level;
    final int[] defaults;

    QidoLevel(Level level, int... defaults) {
        this.level = level;
        this.defaults = defaults;
    }
}
