package org.arca.dicom.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
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

    ChannelOutput(SocketChannel channel, Selector selector) throws IOException {
        this.channel = channel;
        this.selector = selector;
        channel.register(selector, SelectionKey.OP_WRITE);
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
                awaitWritable();
            }
        }
    }

    private void awaitWritable() throws IOException {
        try {
            selector.select();
            selector.selectedKeys().clear();
        } catch (ClosedSelectorException e) {
            throw new SocketException("Socket closed");
        }
        if (!channel.isOpen()) {
            throw new SocketException("Socket closed");
        }
    }
}
