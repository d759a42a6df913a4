package dev.certreg.server;

import dev.certreg.core.Audits;
import dev.certreg.core.CaCertificateService;
import dev.certreg.core.CaKeys;
import dev.certreg.core.CertificateLists;
import dev.certreg.core.CertificateTransferService;
import dev.certreg.core.CertificateStore;
import dev.certreg.core.DeviceCertificateService;
import dev.certreg.core.IssuedCertificateService;
import dev.certreg.core.MarkerCodec;
import dev.certreg.core.NamedMarkers;
import dev.certreg.core.PolicyService;
import dev.certreg.core.TestAuthorizationService;
import dev.certreg.core.NextTokens;
import dev.certreg.core.TagService;
import dev.certreg.core.TaggableResource;
import dev.certreg.core.ThingService;
import dev.certreg.core.x509.X509Codec;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A running registry endpoint: Jetty in front of the services over one store, with the operations endpoints of
 * {@link Management}. Configuration is frozen once it starts. Closing stops accepting connections, lets requests in
 * flight finish for up to {@link #STOP_TIMEOUT_MS} and stops Jetty; the store belongs to the caller. Thread-safe.
 */
public final class CertregServer implements AutoCloseable {
    /**
     * Jetty's default, but letting {@code //} and {@code %2F} through: SigV4 collapses empty segments (botocore signs
     * {@code //a//} as {@code /a/}), ListAttachedPolicies carries a certificate ARN, slash encoded, as one path
     * segment, and routing splits the raw normalised path before decoding each segment, so no servlet-style
     * ambiguity arises.
     */
    private static final UriCompliance URI_COMPLIANCE = UriCompliance.DEFAULT.with("certreg",
            UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT, UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR);

    /** How long closing waits for requests in flight before it stops Jetty anyway. */
    public static final long STOP_TIMEOUT_MS = 10_000;

    private final Server jetty;
    private final URI endpoint;
    private final URI managementEndpoint;
    private final ReadinessProbe readiness;

    CertregServer(Server jetty, URI endpoint, URI managementEndpoint, ReadinessProbe readiness) {
        this.jetty = jetty;
        this.endpoint = endpoint;
        this.managementEndpoint = managementEndpoint;
        this.readiness = readiness;
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
        return start(settings, store, clock, Management.onApiPort());
    }

    /**
     * Starts a server whose operations endpoints are served as {@code management} says.
     *
     * @param settings where to listen, how to authenticate, the marker secret and the issuing CA
     * @param store the certificate store
     * @param clock the source of time for creation dates and validity checks
     * @param management the metrics registry and where {@code /health} and {@code /metrics} are served
     */
    public static CertregServer start(ServerSettings settings, CertificateStore store, Clock clock,
            Management management) throws Exception {
        return start(settings, store, clock, management, DevicePlane.none(settings.markerSecret()));
    }

    /**
     * Starts a server beside a device endpoint: DescribeEndpoint names it, certificate changes reach it, and its
     * root CA is served.
     *
     * @param settings where to listen, how to authenticate, the marker secret and the issuing CA
     * @param store the certificate store
     * @param clock the source of time for creation dates and validity checks
     * @param management the metrics registry and where {@code /health} and {@code /metrics} are served
     * @param devices the device endpoint's side of the API
     */
    public static CertregServer start(ServerSettings settings, CertificateStore store, Clock clock,
            Management management, DevicePlane devices) throws Exception {
        PreparedServer prepared = prepare(settings, store, clock, management, devices);
        try {
            return prepared.listen();
        } catch (Exception e) {
            prepared.close();
            throw e;
        }
    }

    /**
     * Starts a server as {@link #start(ServerSettings, CertificateStore, Clock, Management, DevicePlane)} does, up
     * to its ports: the services, the handlers, the threads and the classes they load. {@link PreparedServer#listen}
     * then binds the ports. Lets a caller do the expensive part of the start beside other work and answer only once
     * that work is done.
     *
     * @param settings where to listen, how to authenticate, the marker secret and the issuing CA
     * @param store the certificate store
     * @param clock the source of time for creation dates and validity checks
     * @param management the metrics registry and where {@code /health} and {@code /metrics} are served
     * @param devices the device endpoint's side of the API
     */
    public static PreparedServer prepare(ServerSettings settings, CertificateStore store, Clock clock,
            Management management, DevicePlane devices) throws Exception {
        Routes routes = routes(settings, store, clock, devices);
        JettyCacheLines.configure();
        QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), 4);
        threads.setName("certreg-http");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        http.setUriCompliance(URI_COMPLIANCE);
        ServerConnector connector = connector(jetty, http, settings.host(), settings.port());
        ConnectionGuard.install(connector, settings.limits());
        ServerConnector managementConnector = management.separatePort()
                ? connector(jetty, http, settings.host(), management.port())
                : null;
        ResponseWriter writer = new ResponseWriter(clock);
        PrometheusMeterRegistry registry = management.registry();
        bindStandardMetrics(registry, store);
        ReadinessProbe readiness = new ReadinessProbe(store);
        Handler api = new RequestObserver(new ApiHandler(routes, settings.authenticator(), writer,
                settings.limits().bodyTimeout()), registry);
        if (devices.rootCaPem() != null) {
            api = new RootCaHandler(api, devices.rootCaPem());
        }
        jetty.setHandler(new GracefulHandler(new ManagementHandler(api, registry, readiness, managementConnector)));
        jetty.setErrorHandler(new JsonErrorHandler(writer));
        jetty.setStopTimeout(STOP_TIMEOUT_MS);
        jetty.setStopAtShutdown(false);
        try {
            // Without its connectors: they are added, bound and started by listen.
            jetty.start();
        } catch (Exception e) {
            readiness.close();
            throw e;
        }
        return new PreparedServer(jetty, settings.host(), connector, managementConnector, readiness);
    }

    private static Routes routes(ServerSettings settings, CertificateStore store, Clock clock, DevicePlane devices) {
        X509Codec codec = new X509Codec();
        CertificateLists lists = new CertificateLists(new MarkerCodec(settings.markerSecret()));
        Audits audits = Audits.of(clock);
        CaKeys caKeys = new CaKeys(codec);
        CaCertificateService caService =
                new CaCertificateService(store, codec, lists, audits, new SecureRandom(), caKeys);
        DeviceCertificateService deviceService =
                new DeviceCertificateService(store, codec, lists, audits, devices.changes(), caKeys);
        IssuedCertificateService issuedService =
                new IssuedCertificateService(store, settings.issuingCa(), codec, audits);
        PolicyService policyService =
                new PolicyService(store, new NamedMarkers(settings.markerSecret()), clock, devices.changes());
        NextTokens tokens = new NextTokens(settings.markerSecret());
        ThingService thingService = new ThingService(store, tokens, clock);
        Map<String, TaggableResource> taggable = Map.of(
                "cacert", (scope, id) -> store.findCaCertificate(scope, id).isPresent(),
                "policy", policyService::exists);
        return Routes.of(new CertificateResource(deviceService, issuedService),
                new CaCertificateResource(caService), new RegistrationCodeResource(caService),
                new EndpointResource(devices.endpoints()),
                new TransferResource(new CertificateTransferService(store, audits, devices.changes())),
                new PolicyResource(policyService),
                new AuthorizationResource(
                        new TestAuthorizationService(policyService, store, thingService, clock)),
                new TagResource(new TagService(store.tags(), taggable, tokens)),
                new ThingResource(thingService));
    }

    private static ServerConnector connector(Server jetty, HttpConfiguration http, String host, int port) {
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    private static void bindStandardMetrics(PrometheusMeterRegistry registry, CertificateStore store) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        CertificateGauges.register(store, registry);
    }

    static URI uri(String host, ServerConnector connector) {
        String literal = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + literal + ":" + connector.getLocalPort());
    }

    /** The URL to give SDKs as their endpoint override. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * The base URL of {@code /health}, {@code /health/ready} and {@code /metrics}: the {@link #endpoint()} unless a
     * separate management port was asked for.
     */
    public URI managementEndpoint() {
        return managementEndpoint;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /**
     * Stops accepting, lets the requests in flight finish (up to {@link #STOP_TIMEOUT_MS}), then stops Jetty without
     * waiting for idle keep-alive connections to go away: Jetty's own graceful stop waits for every connection to
     * close, which a client's idle pooled connection only does when it likes.
     */
    @Override
    public void close() {
        try {
            for (Connector connector : jetty.getConnectors()) {
                // Stops accepting; its future waits for every connection to close, which is not waited for here.
                var unused = connector.shutdown();
            }
            GracefulHandler requests = (GracefulHandler) jetty.getHandler();
            try {
                requests.shutdown().get(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Requests still running after the bound are cut off by the stop, as Jetty's own timeout would.
            }
            jetty.setStopTimeout(0);
            jetty.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping", e);
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop cleanly", e);
        } finally {
            readiness.close();
        }
    }
}
