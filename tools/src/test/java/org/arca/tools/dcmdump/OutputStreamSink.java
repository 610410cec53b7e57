package org.arca.tools.dcmdump;

import java.io.OutputStream;

/** Discards what is written (error output of the tool under test). */
final class OutputStreamSink extends OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {
    }

    @Override
    public void write(byte[] b, int off, int len) {
    }
}
