package org.arca.ejb.dimse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.dict.Tag;
import org.arca.ejb.retrieve.MoveDestination;
import org.arca.dicom.net.support.Dcmtk;
import org.junit.jupiter.api.Test;

/** DCMTK tools against the archive: findscu at every level, movescu, getscu. */
abstract class DimseInteropTestBase extends ArchiveNetworkTestBase {
    static final String[] SAMPLES = {"CT_small.dcm", "MR_small.dcm", "JPEG2000.dcm", "rtplan.dcm"};

    List<Attributes> find(String model, String... keys) throws Exception {
        Path out = Files.createTempDirectory(tmp, "find");
        List<String> args = new ArrayList<>(List.of(model, "-aec", AET, "-X", "-od", out.toString()));
        for (String k : keys) {
            args.add("-k");
            args.add(k);
        }
        args.add("127.0.0.1");
        args.add(port());
        Dcmtk.Result r = Dcmtk.run(60, "findscu", args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.output());
        return readAll(out);
    }

    static Set<String> values(List<Attributes> rsps, int tag) {
        Set<String> s = new TreeSet<>();
        for (Attributes a : rsps) {
            s.add(a.getString(tag, ""));
        }
        return s;
    }

    @Test
    void findAtEveryLevelWithEveryKeyType() throws Exception {
        storescu(SAMPLES);
        String ctStudy = uidOf("CT_small.dcm", Tag.StudyInstanceUID);
        String mrStudy = uidOf("MR_small.dcm", Tag.StudyInstanceUID);
        String ctSeries = uidOf("CT_small.dcm", Tag.SeriesInstanceUID);
        String ctIuid = uidOf("CT_small.dcm", Tag.SOPInstanceUID);

        // PATIENT level, Patient Root: universal and case-insensitive wildcard on the name
        List<Attributes> all = find("-P", "QueryRetrieveLevel=PATIENT", "PatientName", "PatientID",
                "NumberOfPatientRelatedStudies");
        assertEquals(count("patient"), all.size());
        List<Attributes> compressed = find("-P", "QueryRetrieveLevel=PATIENT", "PatientName=compressed*", "PatientID");
        assertEquals(Set.of("CompressedSamples^CT1", "CompressedSamples^MR1", "CompressedSamples^NM1"),
                values(compressed, Tag.PatientName));
        assertEquals(Set.of("CompressedSamples^CT1"),
                values(find("-P", "QueryRetrieveLevel=PATIENT", "PatientName=*c?1"), Tag.PatientName));

        // STUDY level: single value, list of UIDs, date range, return keys and counts
        List<Attributes> byId = find("-S", "QueryRetrieveLevel=STUDY", "PatientID=1CT1", "StudyInstanceUID",
                "NumberOfStudyRelatedInstances", "ModalitiesInStudy", "PatientName", "StudyDate");
        assertEquals(1, byId.size());
        assertEquals(ctStudy, byId.get(0).getString(Tag.StudyInstanceUID));
        assertEquals("1", byId.get(0).getString(Tag.NumberOfStudyRelatedInstances));
        assertEquals("CT", byId.get(0).getString(Tag.ModalitiesInStudy));
        assertEquals("CompressedSamples^CT1", byId.get(0).getString(Tag.PatientName));
        assertEquals(Set.of(ctStudy, mrStudy), values(find("-S", "QueryRetrieveLevel=STUDY",
                "StudyInstanceUID=" + ctStudy + "\\" + mrStudy), Tag.StudyInstanceUID));
        String ctDate = byId.get(0).getString(Tag.StudyDate);
        assertEquals(Set.of(ctStudy), values(find("-S", "QueryRetrieveLevel=STUDY", "PatientID=1CT1",
                "StudyDate=" + ctDate + "-", "StudyInstanceUID"), Tag.StudyInstanceUID));
        assertTrue(find("-S", "QueryRetrieveLevel=STUDY", "StudyDate=-19000101", "StudyInstanceUID").isEmpty());
        assertEquals(Set.of(mrStudy), values(find("-S", "QueryRetrieveLevel=STUDY", "ModalitiesInStudy=MR",
                "StudyInstanceUID"), Tag.StudyInstanceUID));

        // SERIES and IMAGE levels
        List<Attributes> series = find("-S", "QueryRetrieveLevel=SERIES", "StudyInstanceUID=" + ctStudy,
                "SeriesInstanceUID", "Modality", "NumberOfSeriesRelatedInstances");
        assertEquals(1, series.size());
        assertEquals(ctSeries, series.get(0).getString(Tag.SeriesInstanceUID));
        assertEquals("CT", series.get(0).getString(Tag.Modality));
        assertEquals(Set.of("CT", "MR"), values(find("-S", "QueryRetrieveLevel=SERIES", "Modality=?R\\CT"),
                Tag.Modality));
        List<Attributes> images = find("-S", "QueryRetrieveLevel=IMAGE", "StudyInstanceUID=" + ctStudy,
                "SeriesInstanceUID=" + ctSeries, "SOPInstanceUID", "SOPClassUID", "Rows", "InstanceNumber");
        assertEquals(1, images.size());
        assertEquals(ctIuid, images.get(0).getString(Tag.SOPInstanceUID));
        assertEquals(128, images.get(0).getInt(Tag.Rows, 0));
        assertEquals(Set.of(ctIuid), values(find("-S", "QueryRetrieveLevel=IMAGE", "SOPInstanceUID=" + ctIuid),
                Tag.SOPInstanceUID));
    }

    @Test
    void studyRootRefusesPatientLevel() throws Exception {
        storescu("CT_small.dcm");
        Path out = Files.createTempDirectory(tmp, "find");
        Dcmtk.Result r = Dcmtk.run(60, "findscu", "-v", "-S", "-aec", AET, "-X", "-od", out.toString(),
                "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID", "127.0.0.1", port());
        assertTrue(r.output().contains("Error: DataSetDoesNotMatchSOPClass"), r.output());
        try (var s = Files.list(out)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void moveStudyToStorescpByteIdentical() throws Exception {
        storescu(SAMPLES);
        int port = freePort();
        Path received = Files.createTempDirectory(tmp, "storescp");
        destinations.add(new MoveDestination("STORESCP", "127.0.0.1", port));
        try (Dcmtk.Server scp = Dcmtk.startServer(port, "storescp", "+B", "+xa", "-aet", "STORESCP",
                "-od", received.toString(), String.valueOf(port))) {
            Dcmtk.Result r = Dcmtk.run(60, "movescu", "-S", "-aec", AET, "-aem", "STORESCP",
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + uidOf("CT_small.dcm", Tag.StudyInstanceUID)
                            + "\\" + uidOf("JPEG2000.dcm", Tag.StudyInstanceUID), "127.0.0.1", port());
            assertEquals(0, r.exitCode(), r.output());
            assertNotNull(scp);
        }
        List<Path> files;
        try (var s = Files.list(received)) {
            files = s.toList();
        }
        assertEquals(2, files.size(), "CT and JPEG 2000 study moved");
        for (Path f : files) {
            assertSameAsStored(f);
        }
    }

    @Test
    void moveToUnknownDestinationFails() throws Exception {
        storescu("CT_small.dcm");
        Dcmtk.Result r = Dcmtk.run(60, "movescu", "-S", "-aec", AET, "-aem", "NOWHERE", "-k",
                "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + uidOf("CT_small.dcm", Tag.StudyInstanceUID),
                "127.0.0.1", port());
        assertTrue(r.output().contains("MoveDestinationUnknown"), r.output());
    }

    @Test
    void getSeriesByteIdentical() throws Exception {
        storescu(SAMPLES);
        Path out = Files.createTempDirectory(tmp, "get");
        Dcmtk.Result r = Dcmtk.run(60, "getscu", "-S", "-aec", AET, "-od", out.toString(), "-k",
                "QueryRetrieveLevel=SERIES", "-k", "StudyInstanceUID=" + uidOf("MR_small.dcm", Tag.StudyInstanceUID),
                "-k", "SeriesInstanceUID=" + uidOf("MR_small.dcm", Tag.SeriesInstanceUID), "127.0.0.1", port());
        assertEquals(0, r.exitCode(), r.output());
        List<Path> files;
        try (var s = Files.list(out)) {
            files = s.toList();
        }
        assertEquals(1, files.size(), r.output());
        assertSameAsStored(files.get(0));
    }

    @Test
    void cancelledFindStops() throws Exception {
        storescu(SAMPLES);
        CompletableFuture<Dcmtk.Result> f = CompletableFuture.supplyAsync(() -> {
            try {
                return Dcmtk.run(60, "findscu", "-S", "-aec", AET, "--cancel", "1", "-k",
                        "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID", "127.0.0.1", port());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Dcmtk.Result r = f.get(90, TimeUnit.SECONDS);
        assertEquals(0, r.exitCode(), r.output());
    }
}
