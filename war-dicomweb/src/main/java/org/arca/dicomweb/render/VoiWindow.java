package org.arca.dicomweb.render;

import java.util.Locale;

/**
 * A VOI window (PS3.3 C.11.2.1.2): center, width and function (LINEAR, LINEAR_EXACT or
 * SIGMOID), mapping modality values to 0..255 with the formulas of the standard.
 */
public record VoiWindow(double center, double width, String function) {

    public VoiWindow {
        function = function == null || function.isBlank() ? "LINEAR" : function.trim().toUpperCase(Locale.ROOT);
        if (!function.equals("LINEAR") && !function.equals("LINEAR_EXACT") && !function.equals("SIGMOID")) {
            throw new IllegalArgumentException("function " + function + " is not LINEAR, LINEAR_EXACT or SIGMOID");
        }
        if (!(width >= (function.equals("LINEAR") ? 1 : Double.MIN_VALUE)) || !Double.isFinite(center)) {
            throw new IllegalArgumentException("width " + width + " is too small for " + function);
        }
    }

    /** Parses the PS3.18 window parameter "center,width,function" (function optional). */
    public static VoiWindow parse(String value) {
        String[] p = value.split(",");
        if (p.length < 2 || p.length > 3) {
            throw new IllegalArgumentException("'" + value + "' is not center,width[,function]");
        }
        try {
            return new VoiWindow(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()),
                    p.length == 3 ? p[2] : null);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "': center and width must be numbers");
        }
    }

    /** The output value 0..255 for modality value {@code x}. */
    public int apply(double x) {
        double y;
        switch (function) {
            case "LINEAR_EXACT" -> {
                if (x <= center - width / 2) {
                    return 0;
                }
                if (x > center + width / 2) {
                    return 255;
                }
                y = ((x - center) / width + 0.5) * 255;
            }
            case "SIGMOID" -> y = 255 / (1 + Math.exp(-4 * (x - center) / width));
            default -> {
                if (x <= center - 0.5 - (width - 1) / 2) {
                    return 0;
                }
                if (x > center - 0.5 + (width - 1) / 2) {
                    return 255;
                }
                y = ((x - (center - 0.5)) / (width - 1) + 0.5) * 255;
            }
        }
        return (int) Math.max(0, Math.min(255, Math.round(y)));
    }
}
