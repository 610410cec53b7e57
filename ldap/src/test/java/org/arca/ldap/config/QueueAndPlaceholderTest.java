package org.arca.ldap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class QueueAndPlaceholderTest {

    @Test
    void defaultExportQueueBackoff() {
        QueueDescriptor q = new QueueDescriptor("Export1").setMaxRetries(10).setRetryDelay(Duration.ofSeconds(30))
                .setRetryDelayMultiplier(200).setMaxRetryDelay(Duration.ofMinutes(10));
        assertEquals(Duration.ofSeconds(30), q.retryDelay(1));
        assertEquals(Duration.ofMinutes(1), q.retryDelay(2));
        assertEquals(Duration.ofMinutes(2), q.retryDelay(3));
        assertEquals(Duration.ofMinutes(8), q.retryDelay(5));
        assertEquals(Duration.ofMinutes(10), q.retryDelay(6));
        assertEquals(Duration.ofMinutes(10), q.retryDelay(10));
        assertNull(q.retryDelay(11));
    }

    @Test
    void placeholders() {
        Map<String, String> props = Map.of("arca.data.dir", "/srv/arca");
        assertEquals("file:/srv/arca/fs1/", Placeholders.resolve("file:${arca.data.dir}/fs1/", props::get));
        assertEquals("x/def", Placeholders.resolve("x/${missing:def}", props::get));
        assertEquals("${missing}/a", Placeholders.resolve("${missing}/a", props::get));
        assertEquals("plain", Placeholders.resolve("plain", props::get));
    }
}
