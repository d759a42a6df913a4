package dev.certreg.cli.iot;

import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.iot.IotClient;

/** Builds the SDK client one command sends with. Stateless and thread-safe. */
final class IotClients {
    private IotClients() {}

    /**
     * An {@link IotClient} for the endpoint, region and credentials of {@code options}; the caller closes it.
     *
     * @throws ConfigurationException if the region or the credentials cannot be found
     */
    static IotClient create(GlobalOptions options) {
        return IotClient.builder()
                .endpointOverride(options.endpointUrl)
                .region(AwsSettings.region(options.region, options.profile))
                .credentialsProvider(StaticCredentialsProvider.create(AwsSettings.credentials(options.profile)))
                .httpClientBuilder(Apache5HttpClient.builder())
                .build();
    }
}
