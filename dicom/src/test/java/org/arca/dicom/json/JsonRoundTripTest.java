package org.arca.dicom.json;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.io.TestFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every parseable file of the pydicom corpus through DICOM JSON and back: equal to the original
 * up to what the JSON model does not keep ({@link Canonical}), with binary values inline and by
 * BulkDataURI; and writing what was read back gives the same JSON text.
 */
class JsonRoundTripTest {

    private static final int PIXEL_DATA = 0x7FE00010;

    @TestFactory
    List<DynamicTest> corpus() throws IOException {
        Assumptions.assumeTrue(TestFiles.available(), "pydicom test files not installed");
        List<Path> files = RoundTripFiles.parseable();
        assertEquals(TestFiles.corpus().size() - RoundTripFiles.MALFORMED, files.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            tests.add(DynamicTest.dynamicTest(TestFiles.name(file), () -> roundTrip(file)));
        }
        return tests;
    }

    private static void roundTrip(Path file) throws IOException {
        Attributes original = RoundTripFiles.read(file, Long.MAX_VALUE);
        Attributes expected = Canonical.of(original);

        // values of 256 bytes or more (and encapsulated pixel data) by BulkDataURI, the rest inline
        Map<String, Object> store = new HashMap<>();
        BulkDataPolicy policy = BulkDataPolicy.above(256, path -> "https://arca.test/bulk/" + path);
        BulkDataPolicy storing = (path, vr, value) -> {
            String uri = policy.uriFor(path, vr, value);
            if (uri != null) { // the resolver hands back little-endian bytes, as the reader's data set is
                store.put(uri, value instanceof byte[] b ? ValueFormat.littleEndian(vr, b, original.bigEndian()) : value);
            }
            return uri;
        };
        String json = write(original, storing);
        Attributes back = new DicomJsonReader(new StringReader(json))
                .setBulkDataResolver((path, vr, uri) -> store.get(uri)).readDataset();
        assertEquals(expected, back, () -> DatasetDiff.first(expected, back));
        assertEquals(json, write(back, storing), "JSON of what was read back");

        // everything inline
        Attributes inline = read(write(original, BulkDataPolicy.inline()));
        assertEquals(expected, inline, () -> DatasetDiff.first(expected, inline));

        // values read as BulkData: streamed inline from the file, or written as references
        Attributes byReference = RoundTripFiles.read(file, 1024);
        Attributes streamed = read(write(byReference, BulkDataPolicy.inline()));
        assertEquals(expected, streamed, () -> DatasetDiff.first(expected, streamed));
        String refs = write(byReference, BulkDataPolicy.references());
        Attributes expectedRefs = Canonical.of(byReference);
        if (original.getFragments(PIXEL_DATA) != null) { // no single reference: written inline
            expectedRefs.setValue(PIXEL_DATA, original.vrOf(PIXEL_DATA), original.getValue(PIXEL_DATA));
        }
        Attributes backRefs = read(refs);
        assertEquals(expectedRefs, backRefs, () -> DatasetDiff.first(expectedRefs, backRefs));
        assertTrue(json.length() > 2);
    }

    static String write(Attributes a, BulkDataPolicy policy) throws IOException {
        StringWriter sw = new StringWriter();
        DicomJsonWriter w = new DicomJsonWriter(sw).setBulkDataPolicy(policy);
        w.write(a);
        w.flush();
        return sw.toString();
    }

    static Attributes read(String json) throws IOException {
        return new DicomJsonReader(new StringReader(json)).readDataset();
    }
}
