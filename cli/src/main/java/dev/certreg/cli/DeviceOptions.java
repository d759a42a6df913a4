package dev.certreg.cli;

import dev.certreg.core.Audits;
import dev.certreg.core.CertificateChanges;
import dev.certreg.core.CertificateLists;
import dev.certreg.core.CertificateStore;
import dev.certreg.core.DeviceAdmission;
import dev.certreg.core.DeviceCertificateService;
import dev.certreg.core.DeviceTopics;
import dev.certreg.core.EndpointService;
import dev.certreg.core.MarkerCodec;
import dev.certreg.core.NamedMarkers;
import dev.certreg.core.NextTokens;
import dev.certreg.core.PolicyService;
import dev.certreg.core.ThingService;
import dev.certreg.core.policy.DeviceAuthorizer;
import dev.certreg.core.x509.X509Codec;
import dev.certreg.mqtt.DeviceEndpoint;
import dev.certreg.mqtt.DeviceEndpointSettings;
import dev.certreg.mqtt.HostNames;
import dev.certreg.mqtt.ServerCa;
import dev.certreg.server.DevicePlane;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code serve} options of the device endpoint: MQTT over mutual TLS. */
final class DeviceOptions {
    @Option(names = "--mqtt-port", paramLabel = "PORT", defaultValue = "" + DeviceEndpointSettings.DEFAULT_PORT,
            description = "Port of the device endpoint (MQTT over mutual TLS), 0 for any free port"
                    + " (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--no-mqtt", description = "Run no device endpoint.")
    boolean disabled;

    @Option(names = "--advertised-host", paramLabel = "HOST", split = ",", defaultValue = "localhost",
            description = "Host names (comma-separated) devices use to reach the device endpoint: the server"
                    + " certificate names each; DescribeEndpoint answers the first (default: ${DEFAULT-VALUE}).")
    List<String> advertisedHosts;

    /** The device endpoint's side of the API, ready before the endpoint itself starts. */
    record Prepared(ServerCa serverCa, EndpointService endpoints, CertificateChanges changes, DevicePlane plane) {}

    /** The API's side of the device endpoint, or null with {@code --no-mqtt}. */
    Prepared prepare(Path dataDir, byte[] secret, Clock clock) throws StartupFailure {
        if (disabled) {
            return null;
        }
        ServerCa serverCa = serverCa(dataDir, clock);
        EndpointService endpoints = new EndpointService(secret, advertisedHosts.get(0), new HostNames());
        CertificateChanges changes = new CertificateChanges();
        return new Prepared(serverCa, endpoints, changes, new DevicePlane(endpoints, changes, serverCa.rootPem()));
    }

    /** Starts the device endpoint and lets it hear of certificate changes. */
    DeviceEndpoint start(Prepared prepared, String bindHost, byte[] secret, CertificateStore store, Clock clock,
            MeterRegistry meters) throws StartupFailure {
        X509Codec codec = new X509Codec();
        DeviceCertificateService devices = new DeviceCertificateService(store, codec,
                new CertificateLists(new MarkerCodec(secret)), Audits.of(clock), prepared.changes());
        List<String> names = new ArrayList<>(advertisedHosts);
        if (!names.contains(bindHost) && !bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
            names.add(bindHost);
        }
        DeviceEndpoint endpoint;
        try {
            endpoint = DeviceEndpoint.start(new DeviceEndpointSettings(bindHost, port, names, prepared.serverCa()),
                    new DeviceAdmission(store, codec, prepared.endpoints(), clock), devices, new DeviceTopics(),
                    authorizer(store, secret, clock), clock, meters);
        } catch (IOException | RuntimeException e) {
            throw new StartupFailure("cannot listen for devices on " + bindHost + ":" + port + ": "
                    + StartupFailure.rootMessage(e));
        }
        prepared.changes().add(endpoint);
        try {
            // Changes other nodes commit to a shared database; the store closes the feed when it closes.
            store.followChanges(prepared.changes());
        } catch (RuntimeException e) {
            endpoint.close();
            throw new StartupFailure("cannot follow the changes of other nodes: " + StartupFailure.rootMessage(e));
        }
        return endpoint;
    }

    /** The policies attached to a certificate, and its thing, decide what its connection may do. */
    private static DeviceAuthorizer authorizer(CertificateStore store, byte[] secret, Clock clock) {
        return new DeviceAuthorizer(new PolicyService(store, new NamedMarkers(secret), clock),
                new ThingService(store, new NextTokens(secret), clock), clock);
    }

    private static ServerCa serverCa(Path dataDir, Clock clock) throws StartupFailure {
        try {
            return ServerCaFile.load(dataDir, clock);
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupFailure("cannot use the server CA in " + dataDir.resolve(ServerCaFile.FILE_NAME) + ": "
                    + StartupFailure.rootMessage(e));
        }
    }
}
