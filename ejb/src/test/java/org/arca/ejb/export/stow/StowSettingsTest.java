package org.arca.ejb.export.stow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StowSettingsTest {

    @Test
    void defaultsAreDcm4cheesOneSynchronousUnchunkedRequestAtATime() {
        StowSettings s = StowSettings.of(Map.of());
        assertFalse(s.chunked());
        assertEquals(1, s.concurrency());
        assertNull(s.authorization());
        assertTrue(s.acceptsAsStored("1.2.840.10008.1.2.4.70"), "no list: anything as stored");
    }

    @Test
    void seedPropertiesAreRead() {
        StowSettings s = StowSettings.of(Map.of("chunked", "true", "concurrency", "5",
                "transfer-syntax", "JPEGLosslessSV1, 1.2.840.10008.1.2", "basic-auth", "admin:secret",
                "allow-any-hostname", "true", "disable-trust-manager", "true"));
        assertTrue(s.chunked());
        assertEquals(5, s.concurrency());
        assertEquals(List.of("1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2"), s.transferSyntaxes());
        assertEquals("Basic YWRtaW46c2VjcmV0", s.authorization());
        assertTrue(s.allowAnyHostname() && s.disableTrustManager());
        assertFalse(s.acceptsAsStored("1.2.840.10008.1.2.1"));
        assertEquals("1.2.840.10008.1.2", s.conversionTarget(), "only Implicit listed: convert to Implicit");
    }

    @Test
    void bearerTokenAndExplicitConversionTarget() {
        StowSettings s = StowSettings.of(Map.of("bearer-token", "UmFuZG9tbHkgdG9rZW4u", "transfer-syntax", "JPEGLosslessSV1"));
        assertEquals("Bearer UmFuZG9tbHkgdG9rZW4u", s.authorization());
        assertEquals("1.2.840.10008.1.2.1", s.conversionTarget());
    }

    @Test
    void badValuesNameTheProperty() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StowSettings.of(Map.of("concurrency", "0")))
                .getMessage().startsWith("concurrency"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StowSettings.of(Map.of("transfer-syntax", "Nope")))
                .getMessage().contains("Nope"));
    }
}
