package org.arca.ejb.export;

import jakarta.ejb.ApplicationException;

/** An export names an exporter the device does not have. */
@ApplicationException
public class UnknownExporterException extends Exception {

    public UnknownExporterException(String exporterId, String deviceName) {
        super("Exporter '" + exporterId + "' is not configured on device " + deviceName);
    }
}
