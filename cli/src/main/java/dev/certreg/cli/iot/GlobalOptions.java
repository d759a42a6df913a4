package dev.certreg.cli.iot;

import dev.certreg.cli.output.OutputFormat;
import java.net.URI;
import picocli.CommandLine.Option;

/** The AWS CLI's global options that {@code certreg iot} honours. Filled by picocli; not thread-safe. */
final class GlobalOptions {
    @Option(names = "--endpoint-url", required = true, converter = EndpointUrlConverter.class, paramLabel = "URL",
            description = "The certreg server, as `certreg serve` prints it (http://127.0.0.1:4566).")
    URI endpointUrl;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region to sign for. Default: $AWS_DEFAULT_REGION, $AWS_REGION, else the profile's region.")
    String region;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "Profile in ~/.aws/credentials and ~/.aws/config whose credentials (and region) to use.")
    String profile;

    @Option(names = "--output", defaultValue = "json", converter = OutputFormat.Converter.class,
            paramLabel = "FORMAT", description = "json (default) or table.")
    OutputFormat output;

    @Option(names = "--no-paginate",
            description = "For the lists: send one request and print the raw page, nextMarker included.")
    boolean noPaginate;
}
