package org.arca.dicomweb.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The VOI functions of PS3.3 C.11.2.1.2 and C.11.2.1.3 on an 8-bit output. */
class VoiWindowTest {

    @Test
    void linearAsInTheStandard() {
        VoiWindow w = new VoiWindow(100, 500, null); // LINEAR: x <= -150 -> 0, x > 349 -> 255
        assertEquals(0, w.apply(-150));
        assertEquals(1, w.apply(-149));
        assertEquals(255, w.apply(350));
        assertEquals(128, w.apply(100)); // ((100 - 99.5) / 499 + 0.5) * 255 = 127.76
    }

    @Test
    void linearExactAndSigmoid() {
        VoiWindow exact = VoiWindow.parse("0,100,LINEAR_EXACT");
        assertEquals(0, exact.apply(-50));
        assertEquals(255, exact.apply(51));
        assertEquals(128, exact.apply(0));
        VoiWindow sigmoid = VoiWindow.parse("0,100,sigmoid");
        assertEquals(128, sigmoid.apply(0));
        assertEquals(30, sigmoid.apply(-50)); // 255 / (1 + e^2) = 30.4
    }

    @Test
    void badWindows() {
        assertThrows(IllegalArgumentException.class, () -> VoiWindow.parse("abc"));
        assertThrows(IllegalArgumentException.class, () -> VoiWindow.parse("1,0"));
        assertThrows(IllegalArgumentException.class, () -> VoiWindow.parse("1,10,CUBIC"));
    }
}
