package org.arca.dicom.json;

import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Fragments;
import org.arca.dicom.data.VR;

/**
 * Decides, element by element, whether a writer (JSON or XML) puts a value inline or refers to
 * it by URI (PS3.18 F.2.6 BulkDataURI, PS3.19 BulkData uri). Called for every value that is not
 * a sequence: {@code value} is a {@code byte[]}, a {@link BulkData} or {@link Fragments}.
 */
@FunctionalInterface
public interface BulkDataPolicy {

    /** The URI to write instead of the value, or null to write the value itself. */
    String uriFor(ElementPath path, VR vr, Object value);

    /** Everything inline; values held as {@link BulkData} are read from their source. */
    static BulkDataPolicy inline() {
        return (path, vr, value) -> null;
    }

    /**
     * Values of the binary VRs (OB, OD, OF, OL, OV, OW, UN) of at least {@code threshold} bytes,
     * and all encapsulated pixel data, by the URI that {@code uris} gives for their path (e.g.
     * a WADO-RS bulk data URL); everything else inline.
     */
    static BulkDataPolicy above(long threshold, java.util.function.Function<ElementPath, String> uris) {
        return (path, vr, value) -> value instanceof Fragments
                || (ValueFormat.isBulkVR(vr) && ValueFormat.length(value) >= threshold)
                ? uris.apply(path) : null;
    }

    /**
     * Values already held as {@link BulkData} by their own reference ({@code uri?offset=&length=},
     * read back by {@link BulkDataResolver#references()}), everything else inline, including
     * encapsulated pixel data (its fragments have no single reference).
     */
    static BulkDataPolicy references() {
        return (path, vr, value) -> value instanceof BulkData b ? BulkDataResolver.reference(b) : null;
    }
}
