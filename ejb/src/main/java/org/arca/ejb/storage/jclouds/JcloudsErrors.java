package org.arca.ejb.storage.jclouds;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.NoSuchFileException;
import org.jclouds.http.HttpResponseException;
import org.jclouds.rest.AuthorizationException;

/**
 * jclouds reports failures as unchecked exceptions; the storage API promises IOExceptions, and
 * the store pipeline turns those into status A700, so every call into jclouds goes through here.
 */
final class JcloudsErrors {

    @FunctionalInterface
    interface Call<T> {
        T run() throws Exception;
    }

    private JcloudsErrors() {
    }

    static <T> T call(String what, Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (IOException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + ": interrupted");
        } catch (Exception e) {
            throw translate(what, e);
        }
    }

    static IOException translate(String what, Throwable e) {
        if (e instanceof java.util.concurrent.CompletionException || e instanceof java.util.concurrent.ExecutionException) {
            e = e.getCause() == null ? e : e.getCause();
        }
        if (e instanceof IOException io) {
            return io;
        }
        if (e instanceof AuthorizationException) {
            return new IOException(what + ": access denied (identity/credential): " + e.getMessage(), e);
        }
        if (e instanceof org.jclouds.blobstore.KeyNotFoundException) {
            return new NoSuchFileException(what);
        }
        return new IOException(what + ": " + e, e);
    }

    /** The HTTP status of a failed request anywhere in the cause chain, or 0. */
    static int httpStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpResponseException h && h.getResponse() != null) {
                return h.getResponse().getStatusCode();
            }
        }
        return 0;
    }
}
