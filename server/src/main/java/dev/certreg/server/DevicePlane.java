package dev.certreg.server;

import dev.certreg.core.CertificateChangeListener;
import dev.certreg.core.EndpointService;
import java.util.Objects;

/**
 * What the API serves for a device endpoint running beside it.
 *
 * @param endpoints DescribeEndpoint's answers, naming the device endpoint
 * @param changes told of every committed certificate change, to cut off live connections
 * @param rootCaPem the root devices trust, served unsigned at {@link RootCaHandler#PATH}; null for none
 */
public record DevicePlane(EndpointService endpoints, CertificateChangeListener changes, String rootCaPem) {
    public DevicePlane {
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(changes, "changes");
    }

    /** No device endpoint: DescribeEndpoint answers AWS's address shapes. */
    public static DevicePlane none(byte[] markerSecret) {
        return new DevicePlane(new EndpointService(markerSecret), CertificateChangeListener.NONE, null);
    }
}
