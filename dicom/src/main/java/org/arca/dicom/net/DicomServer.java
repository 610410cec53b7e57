package org.arca.dicom.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;

/**
 * Listens for associations and serves one or more {@link ApplicationEntity}s. Threads: one
 * accept thread, one reader thread per association, and a bounded pool for the handlers.
 * Binds 127.0.0.1 unless told otherwise.
 */
public final class DicomServer implements Closeable {
    private static final LazyLogger LOG = new LazyLogger(DicomServer.class);

    /** Handlers on the requestor side (C-STOREs of a C-GET) run here. */
    static final ExecutorService SCU_EXECUTOR = Executors.newCachedThreadPool(daemon("dicom-scu-handler"));

    private final ConnectionOptions options;
    private final Map<String, ApplicationEntity> aes = new ConcurrentHashMap<>();
    private final Set<Association> active = ConcurrentHashMap.newKeySet();
    private final CopyOnWriteArrayList<Consumer<Association>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger reserved = new AtomicInteger();
    private volatile ApplicationEntity defaultAE;
    private int maxAssociations = 100;
    private int handlerThreads = 32;
    private ExecutorService handlerPool;
    private ExecutorService connectionPool;
    private ServerSocket serverSocket;
    private Thread acceptThread;

    public DicomServer(ConnectionOptions options) {
        this.options = options;
    }

    public DicomServer addApplicationEntity(ApplicationEntity ae) {
        aes.put(ae.aeTitle(), ae);
        return this;
    }

    /** Stops serving {@code aeTitle} to new associations; those already open keep their AE. */
    public DicomServer removeApplicationEntity(String aeTitle) {
        aes.remove(aeTitle);
        return this;
    }

    /** The AE titles served to new associations. */
    public Set<String> applicationEntityTitles() {
        return Set.copyOf(aes.keySet());
    }

    /**
     * Serves associations whose called AE title names none of the added AEs (as DCMTK's
     * storescp, which answers to any called AE title); without it they are rejected (1, 1, 7).
     */
    public DicomServer defaultApplicationEntity(ApplicationEntity ae) {
        defaultAE = ae;
        return this;
    }

    ApplicationEntity defaultApplicationEntity() {
        return defaultAE;
    }

    public DicomServer maxAssociations(int n) {
        maxAssociations = n;
        return this;
    }

    public DicomServer handlerThreads(int n) {
        handlerThreads = n;
        return this;
    }

    /** Called on every newly established association (on its reader thread, before the first PDU). */
    public DicomServer onAssociation(Consumer<Association> listener) {
        listeners.add(listener);
        return this;
    }

    public ConnectionOptions options() {
        return options;
    }

    Map<String, ApplicationEntity> applicationEntities() {
        return aes;
    }

    ExecutorService executor() {
        return handlerPool;
    }

    /** Binds 127.0.0.1:port (0 = a free port) and starts accepting. */
    public DicomServer start(int port) throws IOException {
        return start("127.0.0.1", port);
    }

    public synchronized DicomServer start(String host, int port) throws IOException {
        if (serverSocket != null) {
            throw new IllegalStateException("already started");
        }
        handlerPool = HandlerPool.create(handlerThreads, daemon("dicom-handler"));
        connectionPool = Executors.newCachedThreadPool(daemon("dicom-association"));
        // through a channel: accepted connections are read through theirs (ChannelInput)
        ServerSocket ss = ServerSocketChannel.open().socket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(InetAddress.getByName(host), port), 50);
        serverSocket = ss;
        acceptThread = new Thread(this::acceptLoop, "dicom-accept-" + ss.getLocalPort());
        acceptThread.setDaemon(true);
        acceptThread.start();
        return this;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Associations currently established. */
    public Set<Association> associations() {
        return Set.copyOf(active);
    }

    private void acceptLoop() {
        ServerSocket ss = serverSocket;
        while (!ss.isClosed()) {
            try {
                SocketChannel s = ss.getChannel().accept();
                s.socket().setTcpNoDelay(true);
                connectionPool.execute(new AssociationAcceptor(this, s));
            } catch (IOException e) {
                if (!ss.isClosed()) {
                    LOG.get().log(Level.WARNING, "accept failed", e);
                }
            } catch (RuntimeException e) {
                LOG.get().log(Level.WARNING, "cannot serve connection", e);
            }
        }
    }

    boolean tryReserve() {
        while (true) {
            int n = reserved.get();
            if (n >= maxAssociations) {
                return false;
            }
            if (reserved.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void unreserve() {
        reserved.decrementAndGet();
    }

    void opened(Association as) {
        active.add(as);
        for (Consumer<Association> l : listeners) {
            try {
                l.accept(as);
            } catch (RuntimeException e) {
                LOG.get().log(Level.WARNING, "association listener failed", e);
            }
        }
    }

    void closed(Association as) {
        active.remove(as);
    }

    /**
     * Stops accepting, so that another server can bind the port, and lets the associations
     * still open run to their end; then releases the threads. Returns at once.
     */
    public synchronized void closeGracefully() throws IOException {
        if (serverSocket == null) {
            return;
        }
        serverSocket.close();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(options.artimTimeout()); // connections accepted just before may still be negotiating
                while (!active.isEmpty()) {
                    for (Association as : Set.copyOf(active)) {
                        as.awaitClose(Long.MAX_VALUE);
                    }
                }
                close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                LOG.get().log(Level.WARNING, "closing drained server", e);
            }
        }, "dicom-drain-" + serverSocket.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /** Stops accepting and aborts every association still open. */
    @Override
    public synchronized void close() throws IOException {
        if (serverSocket == null) {
            return;
        }
        serverSocket.close();
        for (Association as : active) {
            as.abort();
        }
        for (Association as : active) {
            try {
                as.awaitClose(options.artimTimeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        connectionPool.shutdownNow();
        handlerPool.shutdownNow();
    }

    static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
