package org.arca.dicom.xml;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.io.TestFiles;
import org.arca.dicom.json.BulkDataPolicy;
import org.arca.dicom.json.Canonical;
import org.arca.dicom.json.DatasetDiff;
import org.arca.dicom.json.RoundTripFiles;
import org.arca.dicom.json.ValueFormat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every parseable file of the pydicom corpus through the Native DICOM Model and back: equal to
 * the original up to what the model does not keep ({@link Canonical}), with binary values
 * inline and by BulkData uri; writing what was read back gives the same document.
 */
class XmlRoundTripTest {

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
        Attributes expected = Canonical.ofXml(original);

        Map<String, Object> store = new HashMap<>();
        BulkDataPolicy policy = BulkDataPolicy.above(256, path -> "https://arca.test/bulk/" + path);
        BulkDataPolicy storing = (path, vr, value) -> {
            String uri = policy.uriFor(path, vr, value);
            if (uri != null) { // the resolver hands back little-endian bytes, as the reader's data set is
                store.put(uri, value instanceof byte[] b ? ValueFormat.littleEndian(vr, b, original.bigEndian()) : value);
            }
            return uri;
        };
        byte[] xml = write(original, storing);
        Attributes back = new DicomXmlReader(new ByteArrayInputStream(xml))
                .setBulkDataResolver((path, vr, uri) -> store.get(uri)).readDataset();
        assertEquals(expected, back, () -> DatasetDiff.first(expected, back));
        assertArrayEquals(xml, write(back, storing), "XML of what was read back");

        Attributes inline = read(write(original, BulkDataPolicy.inline()));
        assertEquals(expected, inline, () -> DatasetDiff.first(expected, inline));

        Attributes streamed = read(write(RoundTripFiles.read(file, 1024), BulkDataPolicy.inline()));
        assertEquals(expected, streamed, () -> DatasetDiff.first(expected, streamed));
    }

    static byte[] write(Attributes a, BulkDataPolicy policy) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomXmlWriter(out).setBulkDataPolicy(policy).write(a);
        return out.toByteArray();
    }

    static Attributes read(byte[] xml) throws IOException {
        return new DicomXmlReader(new ByteArrayInputStream(xml)).readDataset();
    }
}
