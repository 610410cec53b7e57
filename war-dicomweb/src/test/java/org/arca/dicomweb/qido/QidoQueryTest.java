package org.arca.dicomweb.qido;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QidoQueryTest {

    private static QidoQuery query(String name, String value) throws QidoQuery.BadQueryException {
        MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
        params.add(name, value);
        return new QidoQuery(QidoLevel.STUDY, false, false, Map.of(), params);
    }

    @Test
    void datesTimesAndRangesOfThem() {
        for (String ok : new String[] {"20200101", "20200101-", "-20201231", "20200101-20201231"}) {
            assertDoesNotThrow(() -> query("StudyDate", ok), ok);
        }
        assertDoesNotThrow(() -> query("StudyTime", "1200-130000.5"));
        assertDoesNotThrow(() -> query("AcquisitionDateTime", "20200101120000+0100-2021"));
        for (String bad : new String[] {"2020-01", "2020.01.01", "yesterday", "20200101-2020"}) {
            QidoQuery.BadQueryException e = assertThrows(QidoQuery.BadQueryException.class, () -> query("StudyDate", bad));
            assertTrue(e.getMessage().contains("StudyDate=" + bad), e.getMessage());
        }
        assertThrows(QidoQuery.BadQueryException.class, () -> query("StudyTime", "25h"));
    }
}
