package dev.certreg.server;

import dev.certreg.core.CaCertificateService;
import dev.certreg.core.CertificateLists;
import dev.certreg.core.CertificateTransferService;
import dev.certreg.core.CertificateStore;
import dev.certreg.core.DeviceCertificateService;
import dev.certreg.core.EndpointService;
import dev.certreg.core.IssuedCertificateService;
import dev.certreg.core.MarkerCodec;
import dev.certreg.core.x509.X509Codec;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A running registry endpoint: Jetty in front of the services over one store. Configuration is frozen once it
 * starts. Closing stops Jetty; the store belongs to the caller. Thread-safe.
 */
public final class CertregServer implements AutoCloseable {
    /**
     * Jetty's default, but letting {@code //} through: SigV4 collapses empty segments (botocore signs {@code //a//}
     * as {@code /a/}), and routing reads the same normalised path, so no servlet-style ambiguity arises.
     */
    private static final UriCompliance URI_COMPLIANCE =
            UriCompliance.DEFAULT.with("certreg", UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT);

    private final Server jetty;
    private final URI endpoint;

    private CertregServer(Server jetty, URI endpoint) {
        this.jetty = jetty;
        this.endpoint = endpoint;
    }

    /**
     * Starts a server.
     *
     * @param settings where to listen, how to authenticate, the marker secret (which also seeds endpoint ids) and
     *     the issuing CA
     * @param store the certificate store
     * @param clock the source of time for creation dates and validity checks
     */
    public static CertregServer start(ServerSettings settings, CertificateStore store, Clock clock)
            throws Exception {
        X509Codec codec = new X509Codec();
        CertificateLists lists = new CertificateLists(new MarkerCodec(settings.markerSecret()));
        CaCertificateService caService = new CaCertificateService(store, codec, lists, clock, new SecureRandom());
        DeviceCertificateService deviceService = new DeviceCertificateService(store, codec, lists, clock);
        IssuedCertificateService issuedService =
                new IssuedCertificateService(store, settings.issuingCa(), codec, clock);
        Routes routes = Routes.of(new CertificateResource(deviceService, issuedService),
                new CaCertificateResource(caService), new RegistrationCodeResource(caService),
                new EndpointResource(new EndpointService(settings.markerSecret())),
                new TransferResource(new CertificateTransferService(store, clock)));

        QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), 4);
        threads.setName("certreg-http");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        http.setUriCompliance(URI_COMPLIANCE);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        jetty.addConnector(connector);
        ResponseWriter writer = new ResponseWriter(clock);
        jetty.setHandler(new ApiHandler(routes, settings.authenticator(), writer));
        jetty.setErrorHandler(new JsonErrorHandler(writer));
        jetty.start();
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return new CertregServer(jetty, URI.create("http://" + host + ":" + connector.getLocalPort()));
    }

    /** The URL to give SDKs as their endpoint override. */
    public URI endpoint() {
        return endpoint;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop cleanly", e);
        }
    }
}
