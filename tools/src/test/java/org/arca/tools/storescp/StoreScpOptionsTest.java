package org.arca.tools.storescp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import org.arca.tools.common.Log;
import org.arca.tools.common.UsageException;
import org.junit.jupiter.api.Test;

/** Option parsing, DCMTK's conflicts, names and placeholders. */
class StoreScpOptionsTest {
    private static StoreScpOptions parse(String... args) throws UsageException {
        return StoreScpOptions.parse(args, new Log(new PrintStream(new ByteArrayOutputStream())));
    }

    @Test
    void defaultsAreStorescpOnLoopback11113() throws Exception {
        StoreScpOptions o = parse();
        assertEquals("STORESCP", o.aet);
        assertEquals("127.0.0.1", o.bind);
        assertEquals(11113, o.port);
        assertEquals(16384, o.maxPdu);
        assertEquals(4104, parse("-pdu", "4104", "4104").port);
    }

    @Test
    void dcmtkConflictsAreUsageErrors() {
        assertThrows(UsageException.class, () -> parse("+B", "-ss", "x"));
        assertThrows(UsageException.class, () -> parse("+B", "+te"));
        assertThrows(UsageException.class, () -> parse("-xcs", "true"));
        assertThrows(UsageException.class, () -> parse("-tos", "5"));
        assertThrows(UsageException.class, () -> parse("-pdu", "100"));
        assertThrows(UsageException.class, () -> parse("--no-such-option"));
        assertThrows(UsageException.class, () -> parse("1", "2"));
    }

    @Test
    void fileNames() {
        LocalDateTime t = LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6_000_000);
        FileNamer plain = new FileNamer(StoreScpOptions.Naming.DEFAULT, ".dcm");
        assertEquals("CT.1.2.3.dcm", plain.name("1.2.840.10008.5.1.4.1.1.2", "1.2.3", t));
        assertEquals("UNKNOWN.1.2.3", new FileNamer(StoreScpOptions.Naming.DEFAULT, "").name("1.2.3.4", "1.2.3", t));
        FileNamer time = new FileNamer(StoreScpOptions.Naming.TIME, "");
        assertEquals("20240102030405006.MR", time.name("1.2.840.10008.5.1.4.1.1.4", "1", t));
        assertEquals("20240102030405006_0000.MR", time.name("1.2.840.10008.5.1.4.1.1.4", "2", t));
        assertTrue(new FileNamer(StoreScpOptions.Naming.UNIQUE, "").name("1.2.840.10008.5.1.4.1.1.88.11", "1", t)
                .matches("SRt\\.X\\.2\\.25\\.\\d+"));
    }

    @Test
    void patientNameFolders() {
        assertEquals("Doe_John_Q__A__x", StudySorter.fileSafe("Doe^John Q.-\u00c3\u00a4/x"));
        assertEquals("ANONYMOUS", StudySorter.fileSafe(""));
        assertEquals("ANONYMOUS", StudySorter.fileSafe(null));
    }

    @Test
    void placeholders() {
        CommandRunner.Context c = new CommandRunner.Context("/out/S_1", "CT.1", "CALLER", "CALLED", "localhost");
        assertEquals("x /out/S_1/CT.1 CALLER->CALLED@localhost #z", CommandRunner.expand("x #p/#f #a->#c@#r #z", c));
        assertEquals("#f stays", CommandRunner.expand("#f stays",
                new CommandRunner.Context("/out", null, "A", "C", "h")));
    }
}
