package org.arca.ejb.index;

import static org.arca.dicom.dict.Tag.*;

import java.util.Arrays;

/**
 * The four levels of the archive's information model and the attributes each level keeps
 * (in the spirit of dcm4chee-arc's default attribute filters). The instance level keeps every
 * other attribute of the header, so a query can return any instance-level key.
 */
public enum Level {
    PATIENT(SpecificCharacterSet, PatientName, PatientID, IssuerOfPatientID, IssuerOfPatientIDQualifiersSequence,
            PatientBirthDate, PatientBirthTime, PatientSex, OtherPatientIDsSequence, OtherPatientNames,
            EthnicGroup, PatientSpeciesDescription, PatientComments, PatientIdentityRemoved,
            DeidentificationMethod),
    STUDY(SpecificCharacterSet, StudyDate, StudyTime, AccessionNumber, IssuerOfAccessionNumberSequence,
            ReferringPhysicianName, StudyDescription, ProcedureCodeSequence, PhysiciansOfRecord,
            NameOfPhysiciansReadingStudy, AdmittingDiagnosesDescription, ReferencedStudySequence, PatientAge,
            PatientSize, PatientWeight, Occupation, AdditionalPatientHistory, StudyInstanceUID, StudyID,
            AdmissionID),
    SERIES(SpecificCharacterSet, SeriesDate, SeriesTime, Modality, Manufacturer, InstitutionName, StationName,
            SeriesDescription, InstitutionalDepartmentName, PerformingPhysicianName, OperatorsName,
            ManufacturerModelName, ReferencedPerformedProcedureStepSequence, BodyPartExamined, ProtocolName,
            SeriesInstanceUID, SeriesNumber, Laterality, PerformedProcedureStepStartDate,
            PerformedProcedureStepStartTime, PerformedProcedureStepID, PerformedProcedureStepDescription,
            RequestAttributesSequence),
    IMAGE();

    private final int[] tags;

    Level(int... tags) {
        this.tags = tags.clone();
        Arrays.sort(this.tags);
    }

    /** The tags this level keeps, sorted; empty for IMAGE (which keeps the rest). */
    public int[] tags() {
        return tags.clone();
    }

    public boolean keeps(int tag) {
        if (this == IMAGE) {
            return tag == SpecificCharacterSet || !(PATIENT.has(tag) || STUDY.has(tag) || SERIES.has(tag));
        }
        return has(tag);
    }

    private boolean has(int tag) {
        return Arrays.binarySearch(tags, tag) >= 0;
    }

    /** The C-FIND Query/Retrieve Level value. */
    public static Level of(String queryRetrieveLevel) {
        return queryRetrieveLevel == null ? null : switch (queryRetrieveLevel.trim()) {
            case "PATIENT" -> PATIENT;
            case "STUDY" -> STUDY;
            case "SERIES" -> SERIES;
            case "IMAGE" -> IMAGE;
            default -> null;
        };
    }
}
