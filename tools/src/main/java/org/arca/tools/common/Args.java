package org.arca.tools.common;

/**
 * Walks a command line in DCMTK style: options start with '+' or '-' and take their
 * parameters from the following words; everything else is a positional parameter.
 */
public final class Args {
    private final String[] words;
    private int pos;

    public Args(String[] words) {
        this.words = words.clone();
    }

    public boolean hasNext() {
        return pos < words.length;
    }

    public String next() {
        return words[pos++];
    }

    /** True for an option word ("-v", "+xa", "--refuse"); a lone "-" or a negative number is not one. */
    public static boolean isOption(String w) {
        return w.length() > 1 && (w.charAt(0) == '-' || w.charAt(0) == '+') && !Character.isDigit(w.charAt(1));
    }

    /** The parameter of {@code option}, which must follow it. */
    public String param(String option) throws UsageException {
        if (pos >= words.length) {
            throw new UsageException("missing parameter for " + option);
        }
        return words[pos++];
    }

    public int intParam(String option, int min, int max) throws UsageException {
        String v = param(option);
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new UsageException(option + ": " + v + " is not in " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": not a number: " + v);
        }
    }

    public static int port(String v) throws UsageException {
        try {
            int p = Integer.parseInt(v);
            if (p < 1 || p > 65535) {
                throw new UsageException("port out of range: " + v);
            }
            return p;
        } catch (NumberFormatException e) {
            throw new UsageException("not a port number: " + v);
        }
    }
}
