package org.arca.ejb.export.stow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import org.arca.ejb.export.ExportCancellation;

/**
 * Sends instances to a STOW-RS service ({@code <base URL>/studies}) with java.net.http:
 * several instances per request, up to {@code concurrency} requests in flight, bodies
 * streamed from storage. Returns the SOP Instance UIDs the receiver did not store; throws
 * when the service cannot be reached at all (the task is then retried).
 */
public final class StowClient {

    private static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofMinutes(10);

    private final HttpClient http;
    private final URI uri;
    private final StowSettings settings;
    private final Duration responseTimeout;

    public StowClient(WebAppLocator.Target target, StowSettings settings) throws GeneralSecurityException {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        if (target.connectTimeout() != null && target.connectTimeout() > 0) {
            b.connectTimeout(Duration.ofMillis(target.connectTimeout()));
        }
        if (target.baseUrl().startsWith("https:")) {
            b.sslContext(TlsTrust.sslContext(settings.disableTrustManager(), settings.allowAnyHostname()));
        }
        this.http = b.build();
        this.uri = URI.create(target.baseUrl() + "/studies");
        this.settings = settings;
        this.responseTimeout = target.responseTimeout() != null && target.responseTimeout() > 0
                ? Duration.ofMillis(target.responseTimeout()) : DEFAULT_RESPONSE_TIMEOUT;
    }

    public URI uri() {
        return uri;
    }

    /**
     * Sends the parts. When the export task is canceled (see {@link ExportCancellation}), no
     * further request starts, bodies being sent fail at their next read and the requests in
     * flight are canceled: this throws InterruptedException or IOException at once.
     */
    public Set<String> send(List<StowPart> parts) throws IOException, InterruptedException {
        ExportCancellation task = ExportCancellation.current();
        BooleanSupplier canceled = task == null ? () -> false : task::isCanceled;
        Semaphore inFlight = new Semaphore(settings.concurrency());
        List<CompletableFuture<Set<String>>> requests = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        try {
            for (int i = 0; i < parts.size(); i += settings.instancesPerRequest()) {
                List<StowPart> batch = parts.subList(i, Math.min(parts.size(), i + settings.instancesPerRequest()));
                inFlight.acquire();
                if (canceled.getAsBoolean()) {
                    throw new InterruptedException("export task canceled");
                }
                requests.add(post(batch, canceled).whenComplete((r, e) -> inFlight.release()));
            }
            for (CompletableFuture<Set<String>> r : requests) {
                failed.addAll(r.get());
            }
        } catch (ExecutionException e) {
            requests.forEach(r -> r.cancel(true));
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            requests.forEach(r -> r.cancel(true));
            throw e;
        }
        return failed;
    }

    private CompletableFuture<Set<String>> post(List<StowPart> batch, BooleanSupplier canceled) {
        StowBody body = new StowBody(batch, canceled);
        HttpRequest.Builder rq = HttpRequest.newBuilder(uri).timeout(responseTimeout)
                .header("Content-Type", body.contentType())
                .header("Accept", "application/dicom+json")
                .POST(body.publisher(settings.chunked()));
        if (settings.authorization() != null) {
            rq.header("Authorization", settings.authorization());
        }
        return http.sendAsync(rq.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> StowResponse.failed(r.statusCode(), r.body(), batch));
    }
}
