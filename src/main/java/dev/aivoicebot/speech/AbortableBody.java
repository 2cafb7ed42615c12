package dev.aivoicebot.speech;

import io.vertx.core.http.HttpClientRequest;
import jakarta.ws.rs.client.ClientResponseContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientResponseFilter;

/**
 * A response body from OpenAI that can be given up on. The REST client's own close reads an unfinished body to its
 * end so the connection can be reused: for a caller who has hung up, that would download (and keep a worker busy
 * with) audio nobody hears. Here, closing an unfinished body, or {@link #abort()} from any thread, resets the
 * request instead, which closes the connection; a reader blocked on the body then gets an IOException.
 */
final class AbortableBody extends FilterInputStream {

    private final HttpClientRequest request;
    private final AtomicBoolean done = new AtomicBoolean();

    private AbortableBody(InputStream body, HttpClientRequest request) {
        super(body);
        this.request = request;
    }

    /** Registered on the speech client, so every body it hands out is an {@link AbortableBody}. */
    static final class Filter implements ResteasyReactiveClientResponseFilter {
        @Override
        public void filter(ResteasyReactiveClientRequestContext request, ClientResponseContext response) {
            if (response.getEntityStream() != null) {
                response.setEntityStream(new AbortableBody(response.getEntityStream(),
                        request.unwrap(HttpClientRequest.class)));
            }
        }
    }

    /** Drops the transfer unless the body was read to its end; safe from any thread, once or many times. */
    void abort() {
        if (done.compareAndSet(false, true)) {
            request.reset();
        }
    }

    @Override
    public int read() throws IOException {
        return ended(super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return ended(super.read(buffer, offset, length));
    }

    @Override
    public void close() throws IOException {
        abort();
        super.close();
    }

    private int ended(int result) {
        if (result == -1) {
            done.set(true); // read to the end: the connection may go back to the pool
        }
        return result;
    }
}
