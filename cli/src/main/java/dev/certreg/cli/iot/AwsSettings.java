package dev.certreg.cli.iot;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * Where {@code certreg iot} finds its region and credentials, in the AWS CLI's order, through the SDK's providers.
 *
 * <p>Region: {@code --region}, then {@code $AWS_DEFAULT_REGION} (the CLI's variable, which the Java SDK does not
 * read), then the SDK's {@code $AWS_REGION} and {@code aws.region}, then the profile's {@code region}. Like the CLI,
 * and unlike the SDK's default chain, it never asks the EC2 instance metadata service.
 *
 * <p>Credentials: with {@code --profile}, that profile only (botocore also ignores the environment's keys then);
 * otherwise the SDK's default chain (environment, system properties, {@code $AWS_PROFILE} or {@code default} in the
 * shared files, web identity, containers, instance metadata). Stateless and thread-safe.
 */
final class AwsSettings {
    private AwsSettings() {}

    /**
     * The region to sign for.
     *
     * @throws ConfigurationException if none is configured anywhere
     */
    static Region region(String flag, String profile) {
        if (flag != null && !flag.isBlank()) {
            return Region.of(flag.trim());
        }
        String cliVariable = System.getenv("AWS_DEFAULT_REGION");
        if (cliVariable != null && !cliVariable.isBlank()) {
            return Region.of(cliVariable.trim());
        }
        try {
            return new AwsRegionProviderChain(new SystemSettingsRegionProvider(),
                    new AwsProfileRegionProvider(ProfileFile::defaultProfileFile, profile)).getRegion();
        } catch (SdkClientException e) {
            throw new ConfigurationException("You must specify a region: use --region, set AWS_DEFAULT_REGION, or "
                    + "set a region in the profile's ~/.aws/config.");
        }
    }

    /**
     * The credentials to sign with, resolved now, as the CLI resolves them before sending.
     *
     * @throws ConfigurationException if the profile does not exist or nothing provides credentials
     */
    static AwsCredentials credentials(String profile) {
        return profile == null ? fromDefaultChain() : fromProfile(profile);
    }

    private static AwsCredentials fromDefaultChain() {
        try (DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build()) {
            return chain.resolveCredentials();
        } catch (SdkClientException e) {
            throw new ConfigurationException("Unable to locate credentials. You can configure credentials by setting "
                    + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or in ~/.aws/credentials.");
        }
    }

    private static AwsCredentials fromProfile(String profile) {
        if (ProfileFile.defaultProfileFile().profile(profile).isEmpty()) {
            throw new ConfigurationException("The config profile (" + profile + ") could not be found");
        }
        try (ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder().profileName(profile).build()) {
            return provider.resolveCredentials();
        } catch (SdkClientException e) {
            throw new ConfigurationException(
                    "Unable to locate credentials in profile " + profile + ": " + e.getMessage());
        }
    }
}
