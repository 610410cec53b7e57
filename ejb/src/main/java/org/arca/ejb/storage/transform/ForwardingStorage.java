package org.arca.ejb.storage.transform;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.arca.ejb.storage.ObjectWriter;
import org.arca.ejb.storage.Storage;

/**
 * A storage that hands everything to another one; transforms override what they change.
 * Range reads are deliberately not forwarded: a transform's byte offsets are not the wrapped
 * storage's, so the interface's read-and-skip applies unless the transform knows better.
 */
public abstract class ForwardingStorage implements Storage {
    protected final Storage delegate;

    protected ForwardingStorage(Storage delegate) {
        this.delegate = delegate;
    }

    /** The storage below this transform. */
    public Storage delegate() {
        return delegate;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public ObjectWriter create(String path) throws IOException {
        return delegate.create(path);
    }

    @Override
    public InputStream open(String path) throws IOException {
        return delegate.open(path);
    }

    @Override
    public boolean exists(String path) throws IOException {
        return delegate.exists(path);
    }

    @Override
    public void delete(String path) throws IOException {
        delegate.delete(path);
    }

    @Override
    public Stream<String> objects(String prefix) throws IOException {
        return delegate.objects(prefix);
    }

    @Override
    public Stream<String> list(String prefix) throws IOException {
        return delegate.list(prefix);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
