package dev.certreg.core;

import java.util.Optional;

/**
 * The DescribeEndpoint types (AWS IoT API reference: DescribeEndpoint, endpointType) and their address formats.
 * iot:Data and iot:Data-ATS share one id; every other type has its own. iot:DeviceAdvisor is undocumented but accepted
 * by AWS; its format follows the Device Advisor test endpoints.
 */
public enum EndpointType {
    DATA("iot:Data", "data", "%s.iot.%s.%s"),
    DATA_ATS("iot:Data-ATS", "data", "%s-ats.iot.%s.%s"),
    CREDENTIAL_PROVIDER("iot:CredentialProvider", "credentials", "%s.credentials.iot.%s.%s"),
    JOBS("iot:Jobs", "jobs", "%s.jobs.iot.%s.%s"),
    DEVICE_ADVISOR("iot:DeviceAdvisor", "deviceadvisor", "%s.deviceadvisor.iot.%s.%s");

    private final String wireName;
    private final String idKind;
    private final String format;

    EndpointType(String wireName, String idKind, String format) {
        this.wireName = wireName;
        this.idKind = idKind;
        this.format = format;
    }

    /** The type a wire name names, exactly as spelt. */
    public static Optional<EndpointType> fromWireName(String wireName) {
        for (EndpointType type : values()) {
            if (type.wireName.equals(wireName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public String wireName() {
        return wireName;
    }

    /** The name of the id this type's address carries; types with the same kind share the id. */
    String idKind() {
        return idKind;
    }

    /** The address for {@code id} in {@code region}, under the region's DNS suffix. */
    String address(String id, String region, String dnsSuffix) {
        return String.format(format, id, region, dnsSuffix);
    }
}
