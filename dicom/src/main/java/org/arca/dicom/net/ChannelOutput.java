package org.arca.dicom.net;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * The sending half of a plain TCP connection whose channel is non-blocking (for the reads'
 * sake, see {@link ChannelInput}): a write that finds the socket buffer full waits on its own
 * selector until the peer takes more. Unbuffered: PduOutput hands over whole PDUs.
 */
final class ChannelOutput extends OutputStream {
    private final SocketChannel channel;
    private final Selector selector;

    ChannelOutput(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.selector = ChannelInput.selector(channel, SelectionKey.OP_WRITE);
    }

    /** Releases the selector; a thread waiting on it wakes up and finds the channel closed. */
    @Override
    public void close() throws IOException {
        selector.close();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(b, off, len);
        while (src.hasRemaining()) {
            if (channel.write(src) == 0) {
                ChannelInput.await(selector, channel, 0);
            }
        }
    }

}
