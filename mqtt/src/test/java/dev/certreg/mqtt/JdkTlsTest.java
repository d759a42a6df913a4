package dev.certreg.mqtt;

/**
 * {@link DeviceEndpointTest} on the JDK's TLS, which the endpoint falls back to where BoringSSL does not load: the
 * same admission, refusals, SNI, CONNACK correction and cut-offs through the other engine.
 */
class JdkTlsTest extends DeviceEndpointTest {
    @Override
    boolean nativeTls() {
        return false;
    }
}
