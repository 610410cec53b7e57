package org.arca.ejb.storage.jclouds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * The names below a prefix, one listing page (up to 1,000 keys in S3) fetched at a time as the
 * stream is consumed: recursive (objects only) or one level (objects, and directories as
 * names ending in {@code /}). A failing page request surfaces as an UncheckedIOException.
 */
final class BlobListing implements Iterator<String> {
    private final BlobStore store;
    private final String container;
    private final String prefix;
    private final boolean recursive;
    private final Deque<String> page = new ArrayDeque<>();
    private String marker;
    private boolean lastPage;

    private BlobListing(BlobStore store, String container, String prefix, boolean recursive) {
        this.store = store;
        this.container = container;
        this.prefix = prefix;
        this.recursive = recursive;
    }

    static Stream<String> stream(BlobStore store, String container, String prefix, boolean recursive) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(
                new BlobListing(store, container, prefix, recursive), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        while (page.isEmpty() && !lastPage) {
            fetch();
        }
        return !page.isEmpty();
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.removeFirst();
    }

    private void fetch() {
        ListContainerOptions options = new ListContainerOptions();
        if (!prefix.isEmpty()) {
            options.prefix(prefix);
        }
        if (recursive) {
            options.recursive();
        } else {
            options.delimiter("/");
        }
        if (marker != null) {
            options.afterMarker(marker);
        }
        PageSet<? extends StorageMetadata> set;
        try {
            set = JcloudsErrors.call("list " + container + "/" + prefix, () -> store.list(container, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (StorageMetadata m : set) {
            String name = m.getName();
            if (m.getType() == StorageType.BLOB && !name.endsWith("/")) {
                page.add(name);
            } else if (!recursive && (m.getType() == StorageType.RELATIVE_PATH || name.endsWith("/"))) {
                String dir = name.endsWith("/") ? name : name + "/";
                if (!dir.equals(prefix)) {
                    page.add(dir);
                }
            }
        }
        marker = set.getNextMarker();
        lastPage = marker == null;
    }
}
