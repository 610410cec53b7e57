package org.arca.dicom.net.dimse;

/** Status plus optional reply data set, as returned by N-service handlers. */
public record DimseResult(int status, byte[] data) {
    public static DimseResult of(int status) {
        return new DimseResult(status, null);
    }
}
