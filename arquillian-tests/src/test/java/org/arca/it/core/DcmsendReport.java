package org.arca.it.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The per-file lines of a DCMTK dcmsend report (+crf): what happened to each input file. */
record DcmsendReport(Map<String, Entry> byFile) {

    /** One file: its SOP Instance UID, the transfer syntax on the wire, and the DIMSE status text. */
    record Entry(String file, String sopInstanceUID, String sopClassUID, String networkTs, String status) {
        /** accepted (success or warning), refused (failure status), or not sent (no context). */
        String outcome() {
            if (status == null || status.startsWith("<not sent>")) {
                return "not sent";
            }
            int code = Integer.parseInt(status.substring(2, 6), 16);
            return code == 0 || (code & 0xF000) == 0xB000 ? "accepted" : "refused " + status;
        }
    }

    static DcmsendReport read(Path report) throws IOException {
        Map<String, Entry> map = new LinkedHashMap<>();
        String file = null;
        String iuid = null;
        String cuid = null;
        String ts = null;
        for (String line : Files.readAllLines(report, StandardCharsets.ISO_8859_1)) {
            int colon = line.indexOf(" : ");
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 3).trim();
            switch (key) {
                case "Number" -> {
                    file = null;
                    iuid = null;
                    cuid = null;
                    ts = null;
                }
                case "Filename" -> file = value;
                case "SOP Instance" -> iuid = value;
                case "SOP Class" -> cuid = value.split(" ")[0];
                case "Network Xfer" -> ts = value.split(" ")[0];
                case "DIMSE Status" -> map.put(file, new Entry(file, iuid, cuid, ts, value));
                default -> { }
            }
        }
        return new DcmsendReport(map);
    }

    /** The outcome of a file: as reported, or "unreadable" when dcmsend did not take it as input. */
    String outcome(String file) {
        Entry e = byFile.get(file);
        return e == null ? "unreadable" : e.outcome();
    }
}
